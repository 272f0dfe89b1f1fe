using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ControlPlane.Reachability;
using Perfolizer.Horology;

namespace ControlPlane.Benchmarks.Reachability;

/// <summary>
/// Runs <see cref="ReachabilityBenchmarks"/> in process and prints the figures against issue 4's targets as a markdown
/// table. Memory is measured first, in this process, around one compile of the generated view.
/// </summary>
public static class ReachabilityFigures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Task RunAsync(TextWriter output, bool smoke)
    {
        var memory = MeasureMemory();
        var targets = Targets.Of(CompiledNetwork.Compile(BenchmarkNetwork.View));
        var summary = BenchmarkRunner.Run<ReachabilityBenchmarks>(Config(smoke));
        output.WriteLine();
        output.WriteLine(Table(summary, memory, targets));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The managed heap before and after generating the view and compiling it (full collections), and the process's peak
    /// working set then (anything the process ran before counts too).
    /// </summary>
    private static (long View, long Compiled, long PeakWorkingSet) MeasureMemory()
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var view = BenchmarkNetwork.View;
        var withView = GC.GetTotalMemory(forceFullCollection: true);
        var network = CompiledNetwork.Compile(view);
        var withNetwork = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(network);
        using var process = Process.GetCurrentProcess();
        return (withView - baseline, withNetwork - withView, process.PeakWorkingSet64);
    }

    private static IConfig Config(bool smoke)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Throughput)
            .WithWarmupCount(smoke ? 1 : 3)
            .WithIterationCount(smoke ? 3 : 10)
            .WithIterationTime(TimeInterval.FromMilliseconds(smoke ? 100 : 500))
            .WithId(smoke ? "smoke" : "short");
        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.P95)
            .HideColumns(Column.Job, Column.Toolchain, Column.IterationCount, Column.WarmupCount, Column.IterationTime, Column.RunStrategy);
    }

    private static string Table(Summary summary, (long View, long Compiled, long PeakWorkingSet) memory, Targets targets)
    {
        string Mean(string benchmark, double scale, string unit)
        {
            var report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == benchmark);
            return report?.ResultStatistics is { } s
                ? string.Create(Invariant, $"{s.Mean / scale:#,0.0} {unit} (p95 {s.Percentiles.P95 / scale:#,0.0})")
                : "not measured";
        }
        static string Mb(long bytes) => string.Create(Invariant, $"{bytes / 1024.0 / 1024.0:#,0.0} MiB");
        var rows = new[]
        {
            ("Compile the view (10,000 interfaces, 2,000 groups, 50,000 rules, 200 subnets, 50 ACLs)", Mean(nameof(ReachabilityBenchmarks.Compile), 1e6, "ms"), "≤ 1 s"),
            ("One pair query (Analyze, interface → interface across subnets, TCP 443, path found)", Mean(nameof(ReachabilityBenchmarks.OnePair), 1e3, "µs"), "≤ 20 µs"),
            ($"Who can reach X, TCP 443, typical target ({targets.Typical.Reaching:#,0} interfaces reach it, each with its rules; external blocks; the internet)",
                Mean(nameof(ReachabilityBenchmarks.WhoCanReachTypical), 1e6, "ms"), "≤ 5 ms"),
            ($"Who can reach X, TCP 443, busy target (90th percentile: {targets.Busy.Reaching:#,0} interfaces reach it)",
                Mean(nameof(ReachabilityBenchmarks.WhoCanReachBusy), 1e6, "ms"), "≤ 5 ms"),
            ($"Matrix of {ReachabilityBenchmarks.MatrixSize:#,0} interfaces, TCP 443 (1,000,000 cells)", Mean(nameof(ReachabilityBenchmarks.Matrix), 1e6, "ms"), "≤ 0.5 s"),
            ("Memory: the compiled index (managed heap growth of one Compile)", Mb(memory.Compiled), ""),
            ("Memory: the view itself (managed heap)", Mb(memory.View), ""),
            ("Memory: peak working set of the process after generating and compiling", Mb(memory.PeakWorkingSet), "≤ 250 MB"),
        };
        var text = new System.Text.StringBuilder();
        text.AppendLine("| Reachability figure | Measured | Target |");
        text.AppendLine("|---|---|---|");
        foreach (var (figure, measured, target) in rows) text.AppendLine($"| {figure} | {measured} | {target} |");
        text.AppendLine();
        text.AppendLine(string.Create(Invariant, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC."));
        return text.ToString();
    }
}
