using BenchmarkDotNet.Attributes;

namespace ControlPlane.Benchmarks.Infrastructure;

/// <summary>
/// What every request benchmark shares: a new host and database per benchmark on each store, its fixture created
/// through the API before timing starts, a warm-up to the emulator's steady state, and the emulator's own per-request
/// time recorded alongside (<see cref="Measurements.ServerTimes"/>).
/// </summary>
public abstract class HostBenchmark
{
    private static readonly TimeSpan MinWarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan WarmUpWindow = TimeSpan.FromMilliseconds(500);

    /// <summary>The stores to run on (<c>--stores</c>); the same process reads it, benchmarks run in-process.</summary>
    public static IReadOnlyList<string> Stores { get; set; } = ["sqlite", "postgres"];

    public static IEnumerable<string> StoreValues() => Stores;

    [ParamsSource(nameof(StoreValues))]
    public string Store { get; set; } = "sqlite";

    protected BenchmarkHost Host { get; private set; } = null!;

    private string _benchmark = "";
    private string _action = "";
    private CpuMonitor? _cpu;

    /// <summary>A new host, its fixture, a warm-up, then recording; a failure stops the host (cleanup may not run).</summary>
    protected async Task SetupAsync(string benchmark, string action, Func<Task<int>> operation, Func<Task> fixture)
    {
        Host = await BenchmarkHost.StartAsync(Store);
        try
        {
            await fixture();
            await WarmUpAsync(operation);
        }
        catch
        {
            await Host.DisposeAsync();
            throw;
        }
        (_benchmark, _action) = (benchmark, action);
        ServerTimes.Instance.Start();
        _cpu = CpuMonitor.Start();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (Distribution.Of(ServerTimes.Instance.Stop(_action)) is { } times) Measurements.ServerTimes[(_benchmark, Store)] = times;
        if (_cpu?.OthersShare() is { } share) Measurements.OthersShare[$"{_benchmark}/{Store}"] = share;
        await Host.DisposeAsync();
    }

    /// <summary>
    /// Runs the operation until its time per call settles (two half-second windows within 3 % of each other, at least
    /// 2 s), before BenchmarkDotNet's own count-based warm-up, so the host's and the client's code paths are compiled
    /// and optimised (see <see cref="Tiering"/>) and the connections and caches are warm: the emulator's steady state.
    /// </summary>
    private static async Task WarmUpAsync(Func<Task<int>> operation)
    {
        var total = System.Diagnostics.Stopwatch.StartNew();
        double? previous = null;
        while (total.Elapsed < MaxWarmUp)
        {
            var calls = 0;
            var window = System.Diagnostics.Stopwatch.StartNew();
            while (window.Elapsed < WarmUpWindow)
            {
                await operation();
                calls++;
            }
            var perCall = window.Elapsed.TotalMilliseconds / calls;
            if (total.Elapsed >= MinWarmUp && previous is { } last && Math.Abs(perCall - last) <= 0.03 * last) return;
            previous = perCall;
        }
    }
}
