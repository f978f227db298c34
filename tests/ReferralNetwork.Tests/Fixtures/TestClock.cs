namespace ReferralNetwork.Tests.Fixtures;

/// <summary>Real time shifted by an offset, so tests can step past deadlines without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; private set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward until the returned scope is disposed.</summary>
    public IDisposable Advance(TimeSpan by)
    {
        Offset += by;
        return new Restore(() => Offset -= by);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
