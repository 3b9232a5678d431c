using System.Management.Automation.Language;
using PSC8.Sessions;

namespace PSC8.Completion;

/// <summary>
/// Tab completion of names from the connection the command line will use (its -Connection, else the session
/// default) and, for collections and query workers, its -Fabric. Never throws (see <see cref="NameCompletion"/>).
/// </summary>
public abstract class NameCompleter : IArgumentCompleter
{
    private protected NameCompleter(CompletionKind kind) => Kind = kind;

    internal CompletionKind Kind { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var session = Bound(fakeBoundParameters, "Connection") as C8Session
                ?? C8SessionRegistry.ForCurrentRunspace().Default;
            var fabric = Bound(fakeBoundParameters, "Fabric") as string;
            return NameCompletion.Complete(session, Kind, fabric, wordToComplete)
                .Select(name => new CompletionResult(NameCompletion.Quote(name), name, CompletionResultType.ParameterValue, name))
                .ToArray();
        }
        catch (Exception)
        {
            // Deliberately broad, as in NameCompletion: completion must never break the user's typing.
            return Array.Empty<CompletionResult>();
        }
    }

    private static object? Bound(IDictionary? parameters, string name)
    {
        var value = parameters is not null && parameters.Contains(name) ? parameters[name] : null;
        return value is PSObject wrapper ? wrapper.BaseObject : value;
    }
}

/// <summary>Completes fabric names.</summary>
public sealed class FabricNameCompleter() : NameCompleter(CompletionKind.Fabric);

/// <summary>Completes collection names of the -Fabric given (or the connection's fabric).</summary>
public sealed class CollectionNameCompleter() : NameCompleter(CompletionKind.Collection);

/// <summary>Completes RestQL query worker names of the -Fabric given (or the connection's fabric).</summary>
public sealed class RestQLNameCompleter() : NameCompleter(CompletionKind.QueryWorker);

/// <summary>Completes region names.</summary>
public sealed class RegionNameCompleter() : NameCompleter(CompletionKind.Region);

/// <summary>Completes API key ids.</summary>
public sealed class ApiKeyIdCompleter() : NameCompleter(CompletionKind.ApiKey);

/// <summary>Completes user ids.</summary>
public sealed class UserNameCompleter() : NameCompleter(CompletionKind.User);
