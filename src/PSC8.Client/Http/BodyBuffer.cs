using System.Buffers;

namespace PSC8.Client.Http;

/// <summary>
/// A body in a buffer rented from the shared pool that doubles as it fills, up to a limit: written as a stream (a
/// request being serialised) or filled from one (<see cref="ReadFromAsync"/>, an answer of unknown length). The write
/// that would pass the limit throws <see cref="FullException"/> once, so the writer stops early; later writes (a
/// writer flushing as it is disposed) are ignored. Dispose returns the buffer.
/// </summary>
internal sealed class BodyBuffer : Stream
{
    private const int InitialSize = 64 * 1024;

    private readonly int _limit;
    private byte[] _buffer;
    private int _length;
    private bool _full;

    public BodyBuffer(int limit)
    {
        _limit = limit;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, limit));
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>What was written, for as long as the buffer is not disposed.</summary>
    public ArraySegment<byte> Written => new ArraySegment<byte>(_buffer, 0, _length);

    /// <summary>A copy of what was written, in an array of its size.</summary>
    /// <summary>Forgets everything written after the first <paramref name="length"/> bytes (the buffer is kept).</summary>
    public void Truncate(int length)
    {
        if (length < 0 || length > _length)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        _length = length;
        _full = false;
    }

    public byte[] ToArray()
    {
        var copy = new byte[_length];
        Buffer.BlockCopy(_buffer, 0, copy, 0, _length);
        return copy;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_full)
        {
            return;
        }

        if (_length + count > _limit)
        {
            _full = true;
            throw new FullException();
        }

        MakeRoom(count);
        Buffer.BlockCopy(buffer, offset, _buffer, _length, count);
        _length += count;
    }

    /// <summary>Reads <paramref name="source"/> to its end into the buffer; a source reaching the limit throws <see cref="FullException"/>.</summary>
    public async Task ReadFromAsync(Stream source, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_length == _limit)
            {
                throw new FullException();
            }

            MakeRoom(1);
            var read = await source.ReadAsync(_buffer, _length, Math.Min(_buffer.Length, _limit) - _length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            _length += read;
        }
    }

    // Completes at once: the base class would hand an in-memory copy to another thread.
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Moves what was written into a buffer twice as large (at least, and at most the limit) when <paramref name="count"/> more bytes do not fit.</summary>
    private void MakeRoom(int count)
    {
        if (_length + count <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(_limit, Math.Max(2L * _buffer.Length, (long)_length + count)));
        Buffer.BlockCopy(_buffer, 0, larger, 0, _length);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = System.Array.Empty<byte>();
            _length = 0;
        }

        base.Dispose(disposing);
    }

    /// <summary>The body is larger than the limit.</summary>
    internal sealed class FullException : Exception
    {
        public FullException()
            : base("The body is larger than the buffer limit.")
        {
        }
    }
}
