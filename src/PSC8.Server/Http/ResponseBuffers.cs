using System.Buffers;

namespace PSC8.Server.Http;

/// <summary>
/// Buffers that JSON answers are written into before they are sent, kept for reuse: a bulk answer would otherwise
/// grow a fresh buffer to its size on every request. Buffers that grew past <see cref="KeepLimit"/> are let go.
/// </summary>
internal static class ResponseBuffers
{
    private const int KeepLimit = 1 << 20;

    private static readonly ConcurrentBag<ArrayBufferWriter<byte>> Idle = new();

    public static ArrayBufferWriter<byte> Rent() => Idle.TryTake(out var buffer) ? buffer : new ArrayBufferWriter<byte>(4096);

    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= KeepLimit)
        {
            buffer.ResetWrittenCount();
            Idle.Add(buffer);
        }
    }
}
