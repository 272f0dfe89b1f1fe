// The ControlPlane benchmarks: see Options.Usage (or --help) for the command line.
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ControlPlane.Benchmarks;
using ControlPlane.Benchmarks.Infrastructure;
using Perfolizer.Horology;

var options = Options.Parse(args);
if (options.Help)
{
    Console.WriteLine(Options.Usage);
    return 0;
}

// Tiered compilation waits for a 100 ms lull in new compilations before it installs optimised code, and a fresh process
// running benchmarks keeps compiling for many seconds: the first benchmarks would measure unoptimised code. With the
// delay at 0 the same optimised code arrives sooner; the emulators the start-up probe launches run without it.
if ((options.Requests || options.Explain || options.Reachability) && Environment.GetEnvironmentVariable(Tiering.DelayVariable) is null)
{
    return await Tiering.RunSelfWithoutDelayAsync(args);
}

HostBenchmark.Stores = options.Stores;
SharedPostgres.KeepTestSettings = options.PostgresFast;
AppDomain.CurrentDomain.ProcessExit += (_, _) => SharedPostgres.DisposeAsync().GetAwaiter().GetResult();
Console.CancelKeyPress += (_, _) => SharedPostgres.DisposeAsync().GetAwaiter().GetResult();

var summaries = new List<Summary>();
try
{
    if (options.Requests)
    {
        var config = RequestConfig(options.Smoke);
        summaries.AddRange(await Measurements.WatchAsync("requests",
            () => Task.FromResult(BenchmarkSwitcher.FromTypes([typeof(SecurityGroupBenchmarks), typeof(NetworkingBenchmarks), typeof(ControlPlane.Benchmarks.Reachability.ReachabilityRestBenchmarks)]).Run(options.BenchmarkArguments, config))));
    }
    if (options.Startup) await Measurements.WatchAsync("start-up", async () => { await StartupProbe.RunAsync(options.Stores, options.Runs, Console.Out); return 0; });
    if (options.Explain) await Explain.RunAsync(options.Stores, Console.Out);
    if (options.Reachability) await ControlPlane.Benchmarks.Reachability.ReachabilityFigures.RunAsync(Console.Out, options.Smoke);
}
finally
{
    await SharedPostgres.DisposeAsync();
}

if (summaries.Count == 0 && !options.Startup) return 0; // --explain or --reachability alone, or --list.
var report = FigureTable.Write(summaries, options);
Console.WriteLine();
Console.WriteLine(report);
var directory = summaries.FirstOrDefault()?.ResultsDirectoryPath ?? Path.Combine("BenchmarkDotNet.Artifacts", "results");
Directory.CreateDirectory(directory);
var file = Path.Combine(directory, "controlplane-summary.md");
await File.WriteAllTextAsync(file, report);
Console.WriteLine($"// Summary written to {Path.GetFullPath(file)}");
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

static IConfig RequestConfig(bool smoke)
{
    // In-process: the host, its fixture and the shared PostgreSQL server live in this process, and so do the
    // server-time measurements. Throughput with short iterations keeps the suite to a few minutes on 2 cores.
    var job = Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithStrategy(RunStrategy.Throughput)
        .WithWarmupCount(smoke ? 1 : 3)
        .WithIterationCount(smoke ? 3 : 10)
        .WithIterationTime(TimeInterval.FromMilliseconds(smoke ? 100 : 250))
        .WithUnrollFactor(1)
        .WithId(smoke ? "smoke" : "short");
    return ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(job)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.P95, StatisticColumn.OperationsPerSecond)
        .HideColumns(Column.Job, Column.Toolchain, Column.IterationCount, Column.WarmupCount, Column.IterationTime, Column.UnrollFactor, Column.RunStrategy)
        .WithOptions(ConfigOptions.JoinSummary);
}
