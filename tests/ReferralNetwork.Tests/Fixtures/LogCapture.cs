using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>One log line as written: level, category, the formatted message and the exception's full text.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, string Message, string? Exception)
{
    public bool Contains(string text) => Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Exception?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}

/// <summary>
/// A logger provider in the shared host that records every line at every level, but only while a test has started a
/// capture (otherwise its loggers are disabled and cost nothing).
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _lines = new();
    private volatile bool _capturing;

    public IReadOnlyCollection<CapturedLog> Lines => _lines;

    /// <summary>Clears what was recorded and records until disposed.</summary>
    public IDisposable Start()
    {
        _lines.Clear();
        _capturing = true;
        return new Stop(this);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => _capturing = false;

    private sealed class Stop(LogCapture capture) : IDisposable
    {
        public void Dispose() => capture._capturing = false;
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => capture._capturing && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) capture._lines.Enqueue(new CapturedLog(logLevel, category, formatter(state, exception), exception?.ToString()));
        }
    }
}
