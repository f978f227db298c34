using System.Reflection;
using System.Text.Json;
using Wolverine.Http;

namespace ReferralNetwork.Api;

/// <summary>
/// A body that is not valid JSON for its endpoint (a syntax error, an unknown member, a wrong type) is the client's
/// mistake, answered 400. Wolverine HTTP logs each one at Error with the JsonException, whose message names the
/// offending member (which may be a child's name) and has a stack trace, under the category of the body's type, and
/// has no setting for it. So the loggers of exactly those categories are replaced: such a line becomes one
/// Information line naming the body type; everything else they log passes through unchanged.
/// </summary>
public static partial class UnreadableBodies
{
    public static IServiceCollection AddQuietUnreadableBodies(this IServiceCollection services)
    {
        foreach (var type in BodyTypes(typeof(Hosting.EventStore).Assembly, typeof(Program).Assembly))
            services.AddSingleton(typeof(ILogger<>).MakeGenericType(type), typeof(BodyLogger<>).MakeGenericType(type));
        return services;
    }

    /// <summary>Our own types among the parameters of the Wolverine HTTP endpoints (the bodies, and harmlessly the aggregates).</summary>
    public static IEnumerable<Type> BodyTypes(params Assembly[] assemblies) => assemblies
        .SelectMany(a => a.GetTypes())
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttributes<WolverineHttpMethodAttribute>().Any())
        .SelectMany(m => m.GetParameters().Select(p => p.ParameterType))
        .Where(t => t.IsClass && !t.IsGenericType && assemblies.Contains(t.Assembly))
        .Distinct();

    private sealed partial class BodyLogger<T>(ILoggerFactory factory) : ILogger<T>
    {
        private readonly ILogger _inner = factory.CreateLogger<T>();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is JsonException) Refused(_inner, typeof(T).Name);
            else _inner.Log(logLevel, eventId, state, exception, formatter);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Refused a request body that is not valid JSON for {BodyType}")]
        private static partial void Refused(ILogger logger, string bodyType);
    }
}
