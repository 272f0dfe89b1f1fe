using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ControlPlane.Benchmarks.Infrastructure;

namespace ControlPlane.Benchmarks;

/// <summary>
/// Start-up time as a user sees it: a new process (<c>dotnet ControlPlane.Api.dll --urls …</c>, configured through
/// the environment), timed from process start to the first 200 of <c>GET /_controlplane/health</c> and to the first
/// 200 of a DescribeVpcs (which, on a new database, also creates the scope's default VPC). Scenarios: a new database
/// (SQLite file that does not exist yet; PostgreSQL database just created, so migrations run) and an existing one
/// (migrated, default VPC already there). The median of several launches is reported.
/// </summary>
public static class StartupProbe
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(IReadOnlyList<string> stores, int runs, TextWriter output)
    {
        var dll = ApiAssembly();
        output.WriteLine($"// Start-up: dotnet {dll} ({runs} launches per scenario)");
        foreach (var store in stores)
        {
            foreach (var existing in new[] { false, true })
            {
                var scenario = existing ? "existing" : "new";
                var health = new List<double>();
                var first = new List<double>();
                var served = new List<double>();
                var seeded = existing ? await NewStoreAsync(store) : null;
                if (seeded is not null) await LaunchAsync(dll, seeded.Environment); // Migrates and creates the default VPC, untimed.
                var cpu = CpuMonitor.Start();
                for (var run = 0; run < runs; run++)
                {
                    var target = seeded ?? await NewStoreAsync(store);
                    var (toHealth, toAnswer, server) = await LaunchAsync(dll, target.Environment);
                    health.Add(toHealth);
                    first.Add(toAnswer);
                    if (server is { } ms) served.Add(ms);
                    output.WriteLine($"//   {store,-8} {scenario,-8} database, launch {run + 1}: health {toHealth,6:0} ms, first DescribeVpcs {toAnswer,6:0} ms"
                                     + (server is null ? "" : $" (its server time {server,5:0.0} ms)"));
                    if (seeded is null) Delete(target.Directory);
                }
                if (seeded is not null) Delete(seeded.Directory);
                if (cpu?.OthersShare() is { } share) Measurements.OthersShare[$"start-up {scenario}/{store}"] = share;
                Measurements.Startup[(scenario, store)] = (Distribution.Of(health)!, Distribution.Of(first)!, Distribution.Of(served));
            }
        }
    }

    private sealed record Target(Dictionary<string, string> Environment, string? Directory);

    private static async Task<Target> NewStoreAsync(string store)
    {
        var (settings, directory) = await BenchmarkHost.StoreSettingsAsync(store);
        var environment = new Dictionary<string, string>();
        foreach (var (key, value) in settings)
        {
            if (key.StartsWith("ControlPlane:Quotas", StringComparison.Ordinal) || value is null) continue; // Stock configuration.
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return new Target(environment, directory);
    }

    /// <summary>
    /// Starts the emulator, waits for its first answers, kills it; returns ms to health 200 and to DescribeVpcs 200, and
    /// the server time the emulator logged for that DescribeVpcs (its stock logging shows requests at Information).
    /// </summary>
    private static async Task<(double Health, double FirstAnswer, double? ServerTime)> LaunchAsync(string dll, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { dll, "--urls", url.ToString().TrimEnd('/') }) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove(Tiering.DelayVariable); // The emulator starts as users start it.

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(1) })
        {
            BaseAddress = url, Timeout = TimeSpan.FromSeconds(30),
        };
        var log = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"The emulator exited with {process.ExitCode}: {log}");
                if (clock.Elapsed > Deadline) throw new TimeoutException($"The emulator did not answer within {Deadline.TotalSeconds} s: {log}");
                try
                {
                    using var response = await http.GetAsync("_controlplane/health");
                    if (response.StatusCode == HttpStatusCode.OK) break;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(5);
            }
            var toHealth = clock.Elapsed.TotalMilliseconds;
            using var content = new ByteArrayContent(Ec2Form.Body("DescribeVpcs"));
            content.Headers.ContentType = new("application/x-www-form-urlencoded");
            using var answer = await http.PostAsync((Uri?)null, content);
            var toAnswer = clock.Elapsed.TotalMilliseconds;
            if (answer.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"DescribeVpcs answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            for (var wait = 0; wait < 100 && ServerTime(log) is null; wait++) await Task.Delay(10); // The line is logged after the answer.
            return (toHealth, toAnswer, ServerTime(log));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static double? ServerTime(System.Text.StringBuilder log)
    {
        string text;
        lock (log) text = log.ToString();
        var match = System.Text.RegularExpressions.Regex.Match(text, @"ec2\.DescribeVpcs \S+ -> 200 \((\d+(?:\.\d+)?) ms\)");
        return match.Success ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The emulator as built next to this benchmark (Release, the configuration the benchmarks require).</summary>
    private static string ApiAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException($"No ControlPlane.sln above {AppContext.BaseDirectory}.");
        var dll = Path.Combine(directory.FullName, "src", "ControlPlane.Api", "bin", "Release", "net10.0", "ControlPlane.Api.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing: build it with `dotnet build -c Release src/ControlPlane.Api`.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    private static void Delete(string? directory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (directory is null) return;
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
