namespace ReferralNetwork.Hsds;

/// <summary>
/// Stands between ZipArchive and the response body, which takes only asynchronous writes: ZipArchive in .NET 10 still
/// writes the end of each compressed entry synchronously when it is disposed, even through DisposeAsync. Every write lands
/// in a small buffer; asynchronous writes pass it on once it holds 64 KB, and <see cref="DrainAsync"/> sends the rest.
/// </summary>
public sealed class BufferedBody(Stream body) : Stream
{
    private const int Threshold = 64 * 1024;
    private readonly MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    /// <summary>Bytes written so far (ZipArchive asks, to record where each entry starts).</summary>
    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _pending.Write(buffer, offset, count);
        _written += count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        _pending.Write(buffer.Span);
        _written += buffer.Length;
        if (_pending.Length >= Threshold) await DrainAsync(ct);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public async Task DrainAsync(CancellationToken ct)
    {
        if (_pending.Length == 0) return;
        await body.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
        _pending.SetLength(0);
    }

    public override void Flush() { }
    public override Task FlushAsync(CancellationToken ct) => DrainAsync(ct);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
