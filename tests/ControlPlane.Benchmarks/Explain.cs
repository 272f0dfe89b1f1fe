using System.Diagnostics;
using ControlPlane.Benchmarks.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ControlPlane.Benchmarks;

/// <summary>
/// Where the server time of each benchmarked request goes (<c>--explain</c>): after a warm-up, a few requests of each
/// kind are sent one at a time while EF Core's diagnostic events are recorded, and the emulator's own time for each is
/// split into the time its SQL commands took (execution plus reading the rows, as EF Core times them), connection
/// opens (from the pool, with the provider's per-connection set-up), transaction
/// commits, and everything else (binding, validation, EF Core query set-up, XML, HTTP). The SQL of the median request
/// is listed with each command's time.
/// </summary>
public static class Explain
{
    private const int Samples = 30;

    /// <summary>Warm-up per kind of request: long enough for tiered compilation to reach its optimised code.</summary>
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(4);

    public static async Task RunAsync(IReadOnlyList<string> stores, TextWriter output)
    {
        using var trace = new DbTrace();
        foreach (var store in stores)
        {
            await using var host = await BenchmarkHost.StartAsync(store);
            var groups = await Fixtures.CreateGroupsAsync(host.Raw, SecurityGroupBenchmarks.DescribeGroups, "describe", rulesEach: Fixtures.RulesPerListedGroup);
            var vpcId = await Fixtures.CreateVpcAsync(host.Raw, "10.0.0.0/16");
            await Fixtures.CreateGroupsAsync(host.Raw, Fixtures.ListingGroups, "listed", vpcId, Fixtures.RulesPerListedGroup);
            var next = 1_000_000;
            var kinds = new (string Name, string Action, Func<byte[]> Body)[]
            {
                ("AuthorizeSecurityGroupIngress (1 rule)", "AuthorizeSecurityGroupIngress", () =>
                {
                    var n = next++;
                    return Ec2Form.Body("AuthorizeSecurityGroupIngress", ("GroupId", groups[n % groups.Count]), ("IpPermissions.1.IpProtocol", "tcp"),
                        ("IpPermissions.1.FromPort", "443"), ("IpPermissions.1.ToPort", "443"), ("IpPermissions.1.IpRanges.1.CidrIp", Fixtures.Host32(n)));
                }),
                ("DescribeSecurityGroups by id", "DescribeSecurityGroups",
                    () => Ec2Form.Body("DescribeSecurityGroups", ("GroupId.1", groups[next++ % groups.Count]))),
                ("DescribeSecurityGroups vpc-id (1,000 groups)", "DescribeSecurityGroups",
                    () => Ec2Form.Body("DescribeSecurityGroups", ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpcId))),
            };
            foreach (var kind in kinds)
            {
                for (var clock = Stopwatch.StartNew(); clock.Elapsed < Warmup;) await host.Raw.PostAsync(kind.Body());
                var samples = new List<(double Server, List<DbTrace.Event> Events)>();
                for (var i = 0; i < Samples; i++)
                {
                    ServerTimes.Instance.Start();
                    trace.Start();
                    await host.Raw.PostAsync(kind.Body());
                    // The emulator logs its time just after the last byte is written: wait for that line.
                    IReadOnlyList<double> server = [];
                    for (var wait = 0; wait < 200 && (server = ServerTimes.Instance.Peek(kind.Action)).Count == 0; wait++) await Task.Delay(1);
                    var events = trace.Stop();
                    ServerTimes.Instance.Stop(kind.Action);
                    if (server.Count == 1) samples.Add((server[0], events));
                }
                Report(output, store, kind.Name, samples);
            }
        }
    }

    private static void Report(TextWriter output, string store, string name, List<(double Server, List<DbTrace.Event> Events)> samples)
    {
        if (samples.Count == 0)
        {
            output.WriteLine($"// {store} {name}: no samples");
            return;
        }
        static double Sql(List<DbTrace.Event> events) => events.Where(e => e.Kind is "query" or "execute").Sum(e => e.Milliseconds);
        static double Commit(List<DbTrace.Event> events) => events.Where(e => e.Kind == "commit").Sum(e => e.Milliseconds);
        static double Open(List<DbTrace.Event> events) => events.Where(e => e.Kind == "open").Sum(e => e.Milliseconds);
        var server = Distribution.Of(samples.Select(s => s.Server))!;
        var sql = Distribution.Of(samples.Select(s => Sql(s.Events)))!;
        var commit = Distribution.Of(samples.Select(s => Commit(s.Events)))!;
        var open = Distribution.Of(samples.Select(s => Open(s.Events)))!;
        var other = Distribution.Of(samples.Select(s => s.Server - Sql(s.Events) - Commit(s.Events) - Open(s.Events)))!;
        output.WriteLine($"// {store} · {name}: server {server.Median:0.000} ms (median of {samples.Count}) ≈ SQL {sql.Median:0.000} + commit {commit.Median:0.000}"
                         + $" + connection opens {open.Median:0.000} + everything else {other.Median:0.000} ms (medians);"
                         + $" {samples[0].Events.Count(e => e.Kind is "query" or "execute")} commands, {samples[0].Events.Count(e => e.Kind == "open")} opens");
        var median = samples.OrderBy(s => s.Server).ElementAt(samples.Count / 2);
        foreach (var e in median.Events.Where(e => e.Kind != "open"))
        {
            var sqlText = string.Join(' ', e.Text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
            // Slow commands in full, so their plans can be examined; the others shortened.
            output.WriteLine($"//   {e.Milliseconds,8:0.000} ms  {e.Kind,-7} {(sqlText.Length > 150 && e.Milliseconds < 1 ? sqlText[..150] + "…" : sqlText)}");
        }
    }

    /// <summary>EF Core's diagnostic events (commands, readers, commits) while recording.</summary>
    private sealed class DbTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        public sealed record Event(string Kind, string Text, double Milliseconds);

        private readonly IDisposable _subscription;
        private readonly List<IDisposable> _listeners = [];
        private readonly Lock _gate = new();
        private readonly Dictionary<System.Data.Common.DbCommand, int> _open = new(ReferenceEqualityComparer.Instance);
        private List<Event>? _events;

        public DbTrace() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

        public void Start()
        {
            lock (_gate)
            {
                _events = [];
                _open.Clear();
            }
        }

        public List<Event> Stop()
        {
            lock (_gate)
            {
                var events = _events ?? [];
                _events = null;
                return events;
            }
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name != DbLoggerCategory.Name) return;
            lock (_gate) _listeners.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            lock (_gate)
            {
                if (_events is null) return;
                switch (value.Value)
                {
                    // A query's time is its execution plus the reading of its rows (until the reader is disposed).
                    case CommandExecutedEventData c:
                        _events.Add(new Event(c.ExecuteMethod == DbCommandMethod.ExecuteReader ? "query" : "execute", c.Command.CommandText,
                            c.Duration.TotalMilliseconds));
                        _open[c.Command] = _events.Count - 1;
                        break;
                    case DataReaderDisposingEventData r when _open.Remove(r.Command, out var at):
                        _events[at] = _events[at] with { Milliseconds = _events[at].Milliseconds + r.Duration.TotalMilliseconds };
                        break;
                    case TransactionEndEventData t when value.Key == RelationalEventId.TransactionCommitted.Name:
                        _events.Add(new Event("commit", "COMMIT", t.Duration.TotalMilliseconds));
                        break;
                    // Opening a connection (from the pool) runs the provider's set-up: SQLite's PRAGMAs and functions.
                    case ConnectionEndEventData o when value.Key == RelationalEventId.ConnectionOpened.Name:
                        _events.Add(new Event("open", "(open connection)", o.Duration.TotalMilliseconds));
                        break;
                }
            }
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            _subscription.Dispose();
            lock (_gate) foreach (var listener in _listeners) listener.Dispose();
        }
    }
}
