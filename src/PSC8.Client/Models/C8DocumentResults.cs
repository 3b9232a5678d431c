using System.Collections;

namespace PSC8.Client.Models;

/// <summary>A failure of one item in a batch call (the batch itself succeeded).</summary>
public sealed class C8ItemError
{
    private readonly C8ErrorClass _errorClass;

    internal C8ItemError(int? errorNum, string message, int statusCode)
    {
        ErrorNum = errorNum;
        Message = message;
        // Batch items carry no HTTP status of their own; one inferred from the errorNum keeps them out of the
        // "no response" class, which would call a duplicate key a connection failure.
        StatusCode = statusCode != 0 ? statusCode : C8ErrorMapping.ItemStatus(errorNum);
        _errorClass = C8ErrorMapping.Map(StatusCode, errorNum);
    }

    /// <summary>The HTTP status the same failure has as a single-document call (409 duplicate key, 404 missing, 412 conflict, else 400).</summary>
    public int StatusCode { get; }

    /// <summary>The server's errorNum (e.g. 1210 duplicate key, 1202 not found, 1200 conflict).</summary>
    public int? ErrorNum { get; }

    /// <summary>The server's message.</summary>
    public string Message { get; }

    /// <summary>Stable error id (see <see cref="C8ErrorMapping"/>).</summary>
    public string ErrorId => _errorClass.ErrorId;

    /// <summary>PowerShell ErrorCategory name.</summary>
    public string Category => _errorClass.Category;

    /// <summary>Turns the item error into an exception for a cmdlet's WriteError.</summary>
    public C8ApiException ToException(string method, string path) =>
        new C8ApiException(StatusCode, ErrorNum, Message, method, path, _errorClass, null);

    /// <inheritdoc />
    public override string ToString() => ErrorNum is null ? Message : ErrorNum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + Message;
}

/// <summary>The outcome of a write of one document: its identity and revision, or an item error.</summary>
public sealed class C8DocumentResult
{
    /// <summary><c>collection/key</c>.</summary>
    public string? Id { get; private set; }

    /// <summary>Document key.</summary>
    public string? Key { get; private set; }

    /// <summary>New revision.</summary>
    public string? Rev { get; private set; }

    /// <summary>Previous revision (replace/update).</summary>
    public string? OldRev { get; private set; }

    /// <summary>The document after the write, when <c>returnNew</c> was asked.</summary>
    public JsonElement? New { get; private set; }

    /// <summary>The document before the write, when <c>returnOld</c> was asked.</summary>
    public JsonElement? Old { get; private set; }

    /// <summary>The item's failure in a batch call; null on success.</summary>
    public C8ItemError? Error { get; private set; }

    /// <summary>
    /// The document was not written because one with its key exists: an insert with
    /// <see cref="C8OverwriteMode.Ignore"/> left the stored one as it was.
    /// </summary>
    public bool Skipped { get; private set; }

    /// <summary>Whether this item failed.</summary>
    public bool IsError => Error is not null;

    /// <inheritdoc />
    public override string ToString() => Error is not null ? "error " + Error : Skipped ? "skipped" : (Id ?? Key ?? "(silent)") + " " + Rev;

    /// <summary>The result in a single-document answer; empty when the answer is not a JSON object (silent calls).</summary>
    internal static C8DocumentResult FromBody(byte[] body)
    {
        var reader = JsonRead.Reader(body);
        try
        {
            return body.Length > 0 && reader.Read() && reader.TokenType == JsonTokenType.StartObject ? Read(ref reader) : Empty();
        }
        catch (JsonException)
        {
            return Empty();
        }
    }

    /// <summary>
    /// Reads the object the reader is at, leaving it on the object's end. The answer is read once, in place, with no
    /// document built from it: a batch answer holds one of these objects per document, and building and searching
    /// a document for each was the largest part of a bulk insert's client time. A repeated attribute counts the last
    /// time, as a lookup would find it; lenient values (numbers as strings, booleans as 0/1) read as JsonRead reads them.
    /// </summary>
    internal static C8DocumentResult Read(ref Utf8JsonReader reader)
    {
        var result = new C8DocumentResult();
        var error = false;
        int? errorNum = null;
        int? code = null;
        string? errorMessage = null;
        string? oldRev = null;
        JsonElement? newDocument = null;
        JsonElement? oldDocument = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var attribute = AttributeAt(ref reader);
            reader.Read();
            switch (attribute)
            {
                case Attribute.Id:
                    result.Id = JsonRead.String(ref reader);
                    break;
                case Attribute.Key:
                    result.Key = JsonRead.String(ref reader);
                    break;
                case Attribute.Rev:
                    result.Rev = JsonRead.String(ref reader);
                    break;
                case Attribute.OldRev:
                    oldRev = JsonRead.String(ref reader);
                    break;
                case Attribute.New:
                    newDocument = JsonRead.Object(ref reader);
                    break;
                case Attribute.Old:
                    oldDocument = JsonRead.Object(ref reader);
                    break;
                case Attribute.Error:
                    error = JsonRead.OptionalBool(ref reader) ?? false;
                    break;
                case Attribute.ErrorNum:
                    errorNum = JsonRead.Int(ref reader);
                    break;
                case Attribute.ErrorMessage:
                    errorMessage = JsonRead.String(ref reader);
                    break;
                case Attribute.Code:
                    code = JsonRead.Int(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (error)
        {
            result.Error = new C8ItemError(errorNum, errorMessage ?? "error", code ?? 0);
        }
        else
        {
            result.OldRev = oldRev;
            result.New = newDocument;
            result.Old = oldDocument;
        }

        return result;
    }

    internal static C8DocumentResult Empty() => new C8DocumentResult();

    internal static C8DocumentResult SkippedExisting() => new C8DocumentResult { Skipped = true };

    /// <summary>
    /// Whether the object the reader is at reports a failure, as <see cref="Read"/> would decide it (the last
    /// <c>error</c> counts, read leniently); the reader is left on the object's end.
    /// </summary>
    internal static bool ReportsError(ref Utf8JsonReader reader)
    {
        var error = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isError = reader.ValueTextEquals("error"u8);
            reader.Read();
            if (isError)
            {
                error = JsonRead.OptionalBool(ref reader) ?? false;
            }
            else
            {
                reader.Skip();
            }
        }

        return error;
    }

    private static Attribute AttributeAt(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("_id"u8) ? Attribute.Id
        : reader.ValueTextEquals("_key"u8) ? Attribute.Key
        : reader.ValueTextEquals("_rev"u8) ? Attribute.Rev
        : reader.ValueTextEquals("_oldRev"u8) ? Attribute.OldRev
        : reader.ValueTextEquals("new"u8) ? Attribute.New
        : reader.ValueTextEquals("old"u8) ? Attribute.Old
        : reader.ValueTextEquals("error"u8) ? Attribute.Error
        : reader.ValueTextEquals("errorNum"u8) ? Attribute.ErrorNum
        : reader.ValueTextEquals("errorMessage"u8) ? Attribute.ErrorMessage
        : reader.ValueTextEquals("code"u8) ? Attribute.Code
        : Attribute.Other;

    private enum Attribute
    {
        Other,
        Id,
        Key,
        Rev,
        OldRev,
        New,
        Old,
        Error,
        ErrorNum,
        ErrorMessage,
        Code,
    }
}

/// <summary>
/// The per-item results of a batch call, in input order. Failed items are kept as results with an
/// <see cref="C8DocumentResult.Error"/> rather than thrown, as the GDN reports them.
/// With <c>silent</c> the server returns no items and the list is empty.
/// </summary>
public sealed class C8BatchResult : IReadOnlyList<C8DocumentResult>
{
    private readonly byte[] _body;
    private readonly int[] _starts;
    private readonly C8DocumentResult?[] _items;

    /// <param name="body">The answer.</param>
    /// <param name="starts">Where each item's object starts in the answer; -1 for an item that is not an object.</param>
    private C8BatchResult(byte[] body, int[] starts, int errorCount, bool silent, string? errorCodes)
    {
        _body = body;
        _starts = starts;
        _items = new C8DocumentResult?[starts.Length];
        ErrorCount = errorCount;
        IsSilent = silent;
        ErrorCodes = errorCodes;
    }

    /// <summary>Number of failed items.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Whether the call was silent (no per-item results).</summary>
    public bool IsSilent { get; }

    /// <summary>The <c>X-C8-Error-Codes</c> header: errorNum → count, as JSON text.</summary>
    public string? ErrorCodes { get; }

    /// <inheritdoc />
    public int Count => _starts.Length;

    /// <inheritdoc />
    public C8DocumentResult this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_starts.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _items[index] ?? Read(index);
        }
    }

    /// <inheritdoc />
    public IEnumerator<C8DocumentResult> GetEnumerator()
    {
        for (var i = 0; i < _starts.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " results, " + ErrorCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " errors";

    /// <summary>A silent call's result: no items.</summary>
    /// <summary>Puts another request's answer for item <paramref name="index"/> in place of this one's.</summary>
    internal void Replace(int index, C8DocumentResult result)
    {
        ErrorCount += (result.IsError ? 1 : 0) - (this[index].IsError ? 1 : 0);
        _items[index] = result;
    }

    /// <summary>The items that failed because their key exists (errorNum 1210, unique constraint violated).</summary>
    internal List<int> KeyConflicts()
    {
        var conflicts = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            if (this[i].Error?.ErrorNum == 1210)
            {
                conflicts.Add(i);
            }
        }

        return conflicts;
    }

    internal static C8BatchResult Silent(string? errorCodes) => new C8BatchResult(Array.Empty<byte>(), Array.Empty<int>(), 0, true, errorCodes);

    /// <summary>
    /// Reads a batch answer: all of it is checked and each item's failure counted now, each item's result is read (in
    /// place, see <see cref="C8DocumentResult.Read"/>) when it is first asked for. A bulk loader that looks only at the
    /// failures builds no result for the documents that went in; that was a third of reading a 1,000-document answer.
    /// Anything but an array (a silent call) is an empty silent result, as is an answer that is not JSON; an item that
    /// is not an object is an empty result.
    /// </summary>
    internal static C8BatchResult FromBody(byte[] body, string? errorCodes)
    {
        var reader = JsonRead.Reader(body);
        try
        {
            if (body.Length > 0 && reader.Read() && reader.TokenType == JsonTokenType.StartArray)
            {
                var starts = new List<int>();
                var errors = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        starts.Add(checked((int)reader.TokenStartIndex));
                        errors += C8DocumentResult.ReportsError(ref reader) ? 1 : 0;
                    }
                    else
                    {
                        reader.Skip();
                        starts.Add(-1);
                    }
                }

                return new C8BatchResult(body, starts.ToArray(), errors, false, errorCodes);
            }
        }
        catch (JsonException)
        {
        }

        return Silent(errorCodes);
    }

    private C8DocumentResult Read(int index)
    {
        var result = C8DocumentResult.Empty();
        if (_starts[index] >= 0)
        {
            var reader = JsonRead.Reader(_body, _starts[index]);
            reader.Read();
            result = C8DocumentResult.Read(ref reader);
        }

        // Two threads reading the same item keep the first result, so an item is always the same object.
        return Interlocked.CompareExchange(ref _items[index], result, null) ?? result;
    }
}

/// <summary>The outcome of a bulk import of documents.</summary>
public sealed class C8ImportResult : C8ImportOutcome<C8ImportError>
{
    private C8ImportResult(JsonElement result)
        : base(result, failure => new C8ImportError(
            JsonRead.Element(failure, "document"),
            JsonRead.Int(failure, "errorNumber") ?? JsonRead.Int(failure, "errorNum"),
            JsonRead.String(failure, "errorMessage") ?? string.Empty))
    {
        Empty = JsonRead.Long(result, "empty") ?? 0;
        Updated = JsonRead.Long(result, "updated") ?? 0;
        Ignored = JsonRead.Long(result, "ignored") ?? 0;
        Unprocessed = JsonRead.Long(result, "unprocessed") ?? 0;
    }

    /// <summary>Empty lines/documents skipped.</summary>
    public long Empty { get; }

    /// <summary>Documents updated (replace mode).</summary>
    public long Updated { get; }

    /// <summary>Documents ignored.</summary>
    public long Ignored { get; }

    /// <summary>Documents not processed.</summary>
    public long Unprocessed { get; }

    internal static C8ImportResult FromJson(JsonElement body) => new(JsonRead.Result(body));
}

/// <summary>One failed document of an import.</summary>
public sealed class C8ImportError
{
    internal C8ImportError(JsonElement? document, int? errorNum, string message)
    {
        Document = document;
        ErrorNum = errorNum;
        Message = message;
        Position = PositionOf(message);
    }

    /// <summary>
    /// Which document of the request failed (1 for the first), from the "N: …" that starts the service's message;
    /// null when the message does not say.
    /// </summary>
    public int? Position { get; }

    /// <summary>The document that failed, as echoed by the server.</summary>
    public JsonElement? Document { get; }

    /// <summary>The errorNum.</summary>
    public int? ErrorNum { get; }

    /// <summary>The message.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;

    private static int? PositionOf(string message)
    {
        var colon = message.IndexOf(':');
        return colon > 0 && int.TryParse(message.Substring(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position) && position > 0
            ? position
            : null;
    }
}
