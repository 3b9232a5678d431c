using PSC8.Engine;

namespace PSC8.Commands;

/// <summary>What a batched document cmdlet reports its bulk requests as: the request for error records, and its progress.</summary>
internal sealed class BatchRequest
{
    public BatchRequest(string method, string fabric, string collection, string activity)
    {
        Method = method;
        Path = "/_fabric/" + fabric + "/_api/document/" + collection;
        Activity = activity;
    }

    public string Method { get; }

    public string Path { get; }

    public string Activity { get; }

    public ProgressThrottle Progress { get; } = new();
}
