using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Benchmarks.Infrastructure;

/// <summary>
/// The emulator's own measure of each request: the endpoint logs <c>{Service}.{Action} … ({Elapsed} ms)</c> at
/// Information, timed from the start of the handler to the last byte written. This provider keeps those figures (and
/// nothing else) while a benchmark records, so the summary can show server time next to the loopback round trip.
/// </summary>
public sealed class ServerTimes : ILoggerProvider
{
    public const string EndpointCategory = "ControlPlane.Api.Aws.AwsQueryEndpoint";

    /// <summary>The REST adapter logs the same line as <c>rest.{Action}</c>.</summary>
    public const string RestEndpointCategory = "ControlPlane.Api.Rest.RestEndpoint";

    public static readonly ServerTimes Instance = new();

    private readonly ConcurrentQueue<(string Action, string Outcome, double Milliseconds)> _entries = new();
    private volatile bool _recording;

    public void Start()
    {
        _entries.Clear();
        _recording = true;
    }

    /// <summary>Stops recording and returns the server times of successful requests of one action, in ms.</summary>
    public IReadOnlyList<double> Stop(string action)
    {
        _recording = false;
        return _entries.Where(e => e.Action == action && e.Outcome == "200").Select(e => e.Milliseconds).ToList();
    }

    /// <summary>The times recorded so far for one action, without stopping.</summary>
    public IReadOnlyList<double> Peek(string action) =>
        _entries.Where(e => e.Action == action && e.Outcome == "200").Select(e => e.Milliseconds).ToList();

    public ILogger CreateLogger(string categoryName) =>
        categoryName is EndpointCategory or RestEndpointCategory ? new Recorder(this) : NullLogger.Instance;

    public void Dispose() { }

    private sealed class Recorder(ServerTimes owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner._recording && logLevel == LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || state is not IReadOnlyList<KeyValuePair<string, object?>> values) return;
            string? action = null, outcome = null;
            double? elapsed = null;
            foreach (var (key, value) in values)
            {
                switch (key)
                {
                    case "Action": action = value as string; break;
                    case "Outcome": outcome = value as string; break;
                    case "Elapsed": elapsed = value as double?; break;
                }
            }
            if (action is not null && outcome is not null && elapsed is { } ms) owner._entries.Enqueue((action, outcome, ms));
        }
    }

    private sealed class NullLogger : ILogger
    {
        public static readonly NullLogger Instance = new();
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => false;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) { }
    }
}
