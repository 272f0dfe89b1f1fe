using System.Globalization;

namespace ControlPlane.Benchmarks.Infrastructure;

/// <summary>
/// How much of the machine other processes used while something was measured: the busy time of all cores
/// (/proc/stat) less this process and its reaped children (the emulators the start-up probe launched) and less this
/// run's PostgreSQL server (its postmaster, the backends it reaped and those still running). On a shared machine a
/// figure measured while others took a large share is not worth quoting. Linux only; elsewhere it reports nothing.
/// </summary>
public sealed class CpuMonitor
{
    private readonly long _busy;
    private readonly long _ours;
    private readonly long _started;

    private CpuMonitor(long busy, long ours, long started) => (_busy, _ours, _started) = (busy, ours, started);

    /// <summary>The postmaster of this run's PostgreSQL server, once it has started.</summary>
    public static int? PostgresPid { get; set; }

    public static CpuMonitor? Start() =>
        TotalBusy() is { } busy ? new CpuMonitor(busy, Ours(), Environment.TickCount64) : null;

    /// <summary>The share (0–1) of all cores other processes used since <see cref="Start"/>.</summary>
    public double? OthersShare()
    {
        if (TotalBusy() is not { } busy) return null;
        var elapsedTicks = (Environment.TickCount64 - _started) / 1000.0 * TicksPerSecond;
        if (elapsedTicks <= 0) return null;
        var others = busy - _busy - (Ours() - _ours);
        return Math.Clamp(others / (elapsedTicks * Environment.ProcessorCount), 0, 1);
    }

    private const double TicksPerSecond = 100; // USER_HZ, the unit of /proc/stat and /proc/<pid>/stat on Linux.

    private static long? TotalBusy()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // cpu user nice system idle iowait irq softirq steal …: everything but idle and iowait is busy.
            long Field(int i) => long.Parse(cpu[i], CultureInfo.InvariantCulture);
            return Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>This process with its reaped children, plus this run's PostgreSQL server.</summary>
    private static long Ours()
    {
        var ours = Times(Environment.ProcessId, withChildren: true) ?? 0;
        if (PostgresPid is { } postmaster)
        {
            ours += Times(postmaster, withChildren: true) ?? 0;
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), out var pid) && Parent(pid) == postmaster) ours += Times(pid, withChildren: false) ?? 0;
            }
        }
        return ours;
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: split after it.
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? Parent(int pid) => Stat(pid) is { } fields && int.TryParse(fields[1], out var parent) ? parent : null;

    /// <summary>utime + stime (+ cutime + cstime), in clock ticks; fields 14–17 of /proc/&lt;pid&gt;/stat.</summary>
    private static long? Times(int pid, bool withChildren)
    {
        if (Stat(pid) is not { } fields) return null;
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return Field(14) + Field(15) + (withChildren ? Field(16) + Field(17) : 0);
    }
}
