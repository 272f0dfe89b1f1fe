using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using ControlPlane.Benchmarks.Infrastructure;

namespace ControlPlane.Benchmarks;

/// <summary>The figures of a run as one markdown table (metric, SQLite, PostgreSQL, target), ready for the README.</summary>
public static class FigureTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Columns = ["sqlite", "postgres"];

    /// <summary>Other processes' share of the machine above which a figure is flagged as skewed.</summary>
    private const double NoticeableShare = 0.10;

    public static string Write(IReadOnlyList<Summary> summaries, Options options)
    {
        var latency = new Dictionary<(string Benchmark, string Store), Statistics>();
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics is null) continue;
            var store = report.BenchmarkCase.Parameters["Store"] as string ?? "";
            latency[(report.BenchmarkCase.Descriptor.WorkloadMethod.Name, store)] = report.ResultStatistics;
        }

        var rows = new List<string[]>();
        void Row(string metric, Func<string, string?> cell, string target = "")
        {
            var cells = Columns.Select(c => options.Stores.Contains(c) ? cell(c) : null).ToArray();
            if (cells.All(c => c is null)) return;
            rows.Add([metric, .. cells.Select(c => c ?? "–"), target]);
        }

        string? Throughput(string benchmark, string store) =>
            latency.TryGetValue((benchmark, store), out var s) ? $"{1e9 / s.Mean:#,0} ops/s ({Ms(s.Mean / 1e6)} ms)" : null;
        string? RoundTrip(string benchmark, string store) =>
            latency.TryGetValue((benchmark, store), out var s) ? $"{Ms(s.Mean / 1e6)} ms (p95 {Ms(s.Percentiles.P95 / 1e6)})" : null;
        string? Median(string benchmark, string store) =>
            latency.TryGetValue((benchmark, store), out var s) ? $"median {Ms(s.Percentiles.P50 / 1e6)} ms (p95 {Ms(s.Percentiles.P95 / 1e6)})" : null;
        static string? Size(string benchmark, string store) =>
            Measurements.ListingBytes.TryGetValue((benchmark, store), out var b) ? $"{b:#,0} bytes ({b / 1024.0 / 1024.0:0.00} MiB)" : null;
        string? Server(string benchmark, string store) =>
            Measurements.ServerTimes.TryGetValue((benchmark, store), out var d) ? $"{Ms(d.Median)} ms (p95 {Ms(d.P95)})" : null;

        Row("AuthorizeSecurityGroupIngress, raw HTTP on loopback (1 rule per call)", s => Throughput(nameof(SecurityGroupBenchmarks.AuthorizeIngress), s));
        Row("— server time, median", s => Server(nameof(SecurityGroupBenchmarks.AuthorizeIngress), s), "< 1 ms (SQLite)");
        Row("AuthorizeSecurityGroupIngress, AWS SDK for .NET", s => Throughput(nameof(SecurityGroupBenchmarks.AuthorizeIngressSdk), s));
        Row("DescribeSecurityGroups by id (GroupId.1), raw HTTP", s => Throughput(nameof(SecurityGroupBenchmarks.DescribeById), s));
        Row("— server time, median", s => Server(nameof(SecurityGroupBenchmarks.DescribeById), s), "< 1 ms (SQLite)");
        Row("DescribeSecurityGroups by id, AWS SDK for .NET", s => Throughput(nameof(SecurityGroupBenchmarks.DescribeByIdSdk), s));
        Row("DescribeSecurityGroups vpc-id, 1,000 groups × 5 rules: raw HTTP round trip",
            s => RoundTrip(nameof(SecurityGroupBenchmarks.DescribeVpc1000Groups), s));
        Row("— server time, median", s => Server(nameof(SecurityGroupBenchmarks.DescribeVpc1000Groups), s), "< 50 ms");
        Row("— response size", s => Size(nameof(SecurityGroupBenchmarks.DescribeVpc1000Groups), s));
        Row("— through the AWS SDK for .NET (round trip + unmarshalling)", s => RoundTrip(nameof(SecurityGroupBenchmarks.DescribeVpc1000GroupsSdk), s));
        Row("DescribeNetworkInterfaces vpc-id, 1,000 interfaces: raw HTTP round trip", s => RoundTrip(nameof(NetworkingBenchmarks.DescribeVpc1000Interfaces), s));
        Row("— server time, median", s => Server(nameof(NetworkingBenchmarks.DescribeVpc1000Interfaces), s));
        Row("— response size", s => Size(nameof(NetworkingBenchmarks.DescribeVpc1000Interfaces), s));
        Row("DescribeNetworkAcls vpc-id, 50 ACLs × 10 entries (+ the default ACL): raw HTTP round trip", s => RoundTrip(nameof(NetworkingBenchmarks.DescribeVpc50Acls), s));
        Row("— server time, median", s => Server(nameof(NetworkingBenchmarks.DescribeVpc50Acls), s));
        Row("— response size", s => Size(nameof(NetworkingBenchmarks.DescribeVpc50Acls), s));
        Row("Reachability over REST (POST /api/v1/reachability/analyze, one pair, network cached): HTTP round trip",
            s => Median(nameof(Reachability.ReachabilityRestBenchmarks.AnalyzeOverRest), s), "p50 ≤ 2 ms");
        Row("— server time, median", s => Server(nameof(Reachability.ReachabilityRestBenchmarks.AnalyzeOverRest), s));
        foreach (var (scenario, label) in new[] { ("new", "new database (migrations run, default VPC created)"), ("existing", "existing database") })
        {
            Row($"Start-up, {label}: process start → first 200 from /_controlplane/health, median",
                s => Measurements.Startup.TryGetValue((scenario, s), out var t) ? $"{Ms(t.Health.Median)} ms" : null, "< 1.5 s");
            Row("— → first answered DescribeVpcs, median (that request's server time)",
                s => Measurements.Startup.TryGetValue((scenario, s), out var t)
                    ? $"{Ms(t.FirstAnswer.Median)} ms ({(t.FirstServerTime is { } f ? Ms(f.Median) + " ms" : "not logged")})"
                    : null,
                "< 1.5 s");
        }

        var text = new StringBuilder();
        text.AppendLine("| Metric | SQLite | PostgreSQL | Target |");
        text.AppendLine("|---|---|---|---|");
        foreach (var row in rows) text.AppendLine("| " + string.Join(" | ", row) + " |");
        text.AppendLine();
        text.AppendLine($"Machine: {Machine()}.");
        if (!Measurements.OthersShare.IsEmpty)
        {
            static string Percent(double share) => (share * 100).ToString("0", Invariant) + " %";
            var phases = Measurements.OthersShare.Where(p => p.Key is "requests" or "start-up").OrderBy(p => p.Key).ToList();
            var busy = Measurements.OthersShare.Where(p => p.Key is not ("requests" or "start-up") && p.Value > NoticeableShare).OrderBy(p => p.Key).ToList();
            text.AppendLine($"Other processes' share of the {Environment.ProcessorCount} cores while measuring: "
                            + (phases.Count > 0 ? string.Join(", ", phases.Select(p => $"{p.Key} {Percent(p.Value)}")) : "–")
                            + (busy.Count > 0
                                ? $"; above {Percent(NoticeableShare)} during {string.Join(", ", busy.Select(p => $"{p.Key} ({Percent(p.Value)})"))}: those figures are skewed, rerun them on a quiet machine."
                                : "."));
        }
        if (SharedPostgres.Description is { } postgres) text.AppendLine($"PostgreSQL: {postgres}.");
        text.AppendLine("SQLite: a file on local disk, WAL, synchronous=NORMAL (the emulator's settings).");
        text.AppendLine("Raw HTTP: EC2 Query form posts from HttpClient to the real host on 127.0.0.1, in the same process (client and server share the cores); "
                        + "server time: the emulator's own per-request figure (handler start to last byte written); start-up: a new `dotnet ControlPlane.Api.dll` process "
                        + "until its first 200, median of " + options.Runs.ToString(Invariant) + " launches.");
        return text.ToString();
    }

    private static string Ms(double milliseconds) => milliseconds switch
    {
        < 1 => milliseconds.ToString("0.000", Invariant),
        < 10 => milliseconds.ToString("0.00", Invariant),
        < 100 => milliseconds.ToString("0.0", Invariant),
        _ => milliseconds.ToString("#,0", Invariant),
    };

    private static string Machine()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return $"{Environment.ProcessorCount} cores ({cpu}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}
