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

    /// <summary>Bytes of the 1,000-group listing, by store.</summary>
    public static ConcurrentDictionary<string, long> ListingBytes { get; } = new();

    /// <summary>
    /// Start-up times (ms) by (scenario, store): process start to the first health 200 and to the first DescribeVpcs
    /// 200, and the server time the emulator logged for that first DescribeVpcs.
    /// </summary>
    public static ConcurrentDictionary<(string Scenario, string Store), (Distribution Health, Distribution FirstAnswer, Distribution? FirstServerTime)> Startup { get; } = new();

    /// <summary>The 1-minute load average at the start and end of each phase: other work on the machine skews every figure.</summary>
    public static ConcurrentQueue<(string Phase, double Start, double End)> Load { get; } = new();

    public static double LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }

    public static async Task<T> WithLoadAsync<T>(string phase, Func<Task<T>> work)
    {
        var start = LoadAverage();
        var result = await work();
        Load.Enqueue((phase, start, LoadAverage()));
        return result;
    }
}
