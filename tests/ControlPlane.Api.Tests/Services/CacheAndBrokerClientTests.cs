using System.Diagnostics;
using ControlPlane.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ControlPlane.Api.Tests.Services;

/// <summary>
/// ElastiCache and Amazon MQ through unmodified boto3 and the AWS CLI against the real host on SQLite: the scripts in
/// <c>tests/clients/</c> assert AWS's answers and the interfaces each resource places in the VPC, one line per check.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class CacheAndBrokerClientTests(SqliteEmulator emulator, ITestOutputHelper output)
{
    [Fact]
    public Task ElastiCache_clusters_groups_and_serverless_caches_work_through_boto3() =>
        ClientScript.RunAsync(emulator.Url, "elasticache.py", output);

    [Fact]
    public Task Mq_brokers_work_through_boto3() => ClientScript.RunAsync(emulator.Url, "mq.py", output);
}

/// <summary>The same scripts on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CacheAndBrokerPostgresClientTests(PostgresEmulator emulator, ITestOutputHelper output)
{
    [Fact]
    public Task ElastiCache_clusters_groups_and_serverless_caches_work_through_boto3() =>
        ClientScript.RunAsync(emulator.Url, "elasticache.py", output);

    [Fact]
    public Task Mq_brokers_work_through_boto3() => ClientScript.RunAsync(emulator.Url, "mq.py", output);
}

/// <summary>Runs one <c>tests/clients/</c> Python script against an emulator and fails with its output when it fails.</summary>
internal static class ClientScript
{
    public static async Task RunAsync(string url, string script, ITestOutputHelper output)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "clients", script);
        var start = new ProcessStartInfo("python3", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CONTROLPLANE_ENDPOINT"] = url;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(process.HasExited && process.ExitCode == 0, $"{script} failed (exit {(process.HasExited ? process.ExitCode : -1)}):\n{await stdout}\n{await stderr}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ControlPlane.sln not found above the test binaries");
    }
}
