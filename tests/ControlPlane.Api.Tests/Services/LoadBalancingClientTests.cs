using System.Diagnostics;
using ControlPlane.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ControlPlane.Api.Tests.Services;

/// <summary>
/// boto3 and the AWS CLI drive Elastic Load Balancing (v2 and Classic) against the real host on SQLite: the scripts in
/// <c>tests/clients/</c> assert AWS's answers, the interfaces EC2 shows and the errors, one line per check.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class LoadBalancingClientTests(SqliteEmulator emulator, ITestOutputHelper output)
{
    [Fact]
    public Task Elbv2_load_balancers_target_groups_and_listeners_work_with_boto3() =>
        LoadBalancingScripts.RunAsync(emulator, output, "elbv2.py");

    [Fact]
    public Task Classic_load_balancers_work_with_boto3() =>
        LoadBalancingScripts.RunAsync(emulator, output, "elb.py");
}

/// <summary>The same scripts against the host on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LoadBalancingPostgresClientTests(PostgresEmulator emulator, ITestOutputHelper output)
{
    [Fact]
    public Task Elbv2_load_balancers_target_groups_and_listeners_work_with_boto3() =>
        LoadBalancingScripts.RunAsync(emulator, output, "elbv2.py");

    [Fact]
    public Task Classic_load_balancers_work_with_boto3() =>
        LoadBalancingScripts.RunAsync(emulator, output, "elb.py");
}

internal static class LoadBalancingScripts
{
    public static async Task RunAsync(Emulator emulator, ITestOutputHelper output, string script)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "clients", script);
        var start = new ProcessStartInfo("python3", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CONTROLPLANE_ENDPOINT"] = emulator.Url;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
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
