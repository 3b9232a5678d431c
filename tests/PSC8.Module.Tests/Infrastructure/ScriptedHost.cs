using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace PSC8.Module.Tests.Infrastructure;

/// <summary>
/// A PowerShell host for hosted runspaces that answers -Confirm prompts from a script of answers and records every
/// prompt it was shown, so tests can check what a cmdlet asked and what it did after a "No".
/// </summary>
public sealed class ScriptedHost : PSHost
{
    private readonly ScriptedHostUI _ui = new();

    public override string Name => "PSC8.Tests";

    public override Version Version { get; } = new(1, 0);

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface UI => _ui;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    /// <summary>The confirmation prompts shown so far: caption and message.</summary>
    public IReadOnlyList<(string Caption, string Message)> Prompts => _ui.Prompts;

    /// <summary>What the host wrote (Write-Host, Out-Host, formatted output).</summary>
    public string Written => _ui.Written;

    /// <summary>Queues the label ("Yes", "No", "Yes to All", ...) to pick at the next prompt.</summary>
    public void Answer(params string[] labels)
    {
        foreach (var label in labels)
        {
            _ui.Answers.Enqueue(label);
        }
    }

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    private sealed class ScriptedHostUI : PSHostUserInterface
    {
        private readonly StringBuilder _written = new();
        private readonly List<(string, string)> _prompts = new();

        public Queue<string> Answers { get; } = new();

        public IReadOnlyList<(string Caption, string Message)> Prompts
        {
            get
            {
                lock (_prompts)
                {
                    return _prompts.ToArray();
                }
            }
        }

        public string Written
        {
            get
            {
                lock (_written)
                {
                    return _written.ToString();
                }
            }
        }

        public override PSHostRawUserInterface RawUI { get; } = new FixedSizeRawUI();

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            lock (_prompts)
            {
                _prompts.Add((caption, message));
            }

            if (Answers.Count == 0)
            {
                throw new InvalidOperationException("The test gave no answer for the prompt: " + caption + " / " + message);
            }

            var label = Answers.Dequeue();
            for (var i = 0; i < choices.Count; i++)
            {
                if (string.Equals(choices[i].Label.Replace("&", string.Empty, StringComparison.Ordinal), label, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            throw new InvalidOperationException("The prompt offers no choice '" + label + "': " + string.Join(", ", choices.Select(c => c.Label)));
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("The test host does not ask for input: " + caption);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("The test host does not ask for credentials.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("The test host does not ask for credentials.");

        public override string ReadLine() => throw new NotSupportedException("The test host has no input.");

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("The test host has no input.");

        public override void Write(string value) => Append(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);

        public override void WriteLine(string value) => Append(value + "\n");

        public override void WriteErrorLine(string value) => Append(value + "\n");

        public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");

        public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");

        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        private void Append(string text)
        {
            lock (_written)
            {
                _written.Append(text);
            }
        }
    }

    /// <summary>A console of a fixed size, which is all formatting asks of it.</summary>
    private sealed class FixedSizeRawUI : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.White;

        public override Size BufferSize { get; set; } = new(160, 9999);

        public override Coordinates CursorPosition { get; set; }

        public override int CursorSize { get; set; }

        public override bool KeyAvailable => false;

        public override Size MaxPhysicalWindowSize => new(160, 50);

        public override Size MaxWindowSize => new(160, 50);

        public override Coordinates WindowPosition { get; set; }

        public override Size WindowSize { get; set; } = new(160, 50);

        public override string WindowTitle { get; set; } = "PSC8.Tests";

        public override void FlushInputBuffer()
        {
        }

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("The test host has no keyboard.");

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
    }
}
