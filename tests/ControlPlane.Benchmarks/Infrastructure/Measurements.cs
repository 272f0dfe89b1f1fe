using System.Collections.Concurrent;

namespace ControlPlane.Benchmarks.Infrastructure;

/// <summary>Percentiles of a sample (nearest-rank on the sorted values).</summary>
public sealed record Distribution(int Count, double Mean, double Median, double P95, double Min, double Max)
{
    public static Distribution? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Distribution(sorted.Length, sorted.Average(), Rank(0.50), Rank(0.95), sorted[0], sorted[^1]);
    }
}

/// <summary>
/// What the run found besides BenchmarkDotNet's own statistics (the benchmarks run in this process, so they report
/// here): server-side times per benchmark and store, response sizes, and start-up times.
/// </summary>
public static class Measurements
{
    /// <summary>The emulator's logged time (ms) of each request of a benchmark, by (benchmark, store).</summary>
    public static ConcurrentDictionary<(string Benchmark, string Store), Distribution> ServerTimes { get; } = new();

    /// <summary>Bytes of each listing benchmark's answer, by (benchmark, store).</summary>
    public static ConcurrentDictionary<(string Benchmark, string Store), long> ListingBytes { get; } = new();

    /// <summary>
    /// Start-up times (ms) by (scenario, store): process start to the first health 200 and to the first DescribeVpcs
    /// 200, and the server time the emulator logged for that first DescribeVpcs.
    /// </summary>
    public static ConcurrentDictionary<(string Scenario, string Store), (Distribution Health, Distribution FirstAnswer, Distribution? FirstServerTime)> Startup { get; } = new();

    /// <summary>
    /// The share of the machine other processes used while each thing was measured (see <see cref="CpuMonitor"/>):
    /// by phase ("requests", "start-up") and by benchmark case ("AuthorizeIngress/sqlite", "start-up new/sqlite").
    /// </summary>
    public static ConcurrentDictionary<string, double> OthersShare { get; } = new();

    public static async Task<T> WatchAsync<T>(string phase, Func<Task<T>> work)
    {
        var monitor = CpuMonitor.Start();
        var result = await work();
        if (monitor?.OthersShare() is { } share) OthersShare[phase] = share;
        return result;
    }
}
