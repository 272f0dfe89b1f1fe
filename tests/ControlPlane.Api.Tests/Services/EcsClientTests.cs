using System.Diagnostics;
using ControlPlane.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ControlPlane.Api.Tests.Services;

/// <summary>
/// Amazon ECS through the unmodified boto3 and AWS CLI against the real host, on both stores: <c>tests/clients/ecs.py</c>
/// checks clusters, task definitions, awsvpc tasks and services, the interfaces they place (as EC2 shows them), group
/// changes, DependencyViolation, the AWS errors for bad input, waiters, paginators and account isolation, one line per
/// check in the test output.
/// </summary>
public abstract class EcsClientTests(Emulator emulator, ITestOutputHelper output)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e, ITestOutputHelper o) : EcsClientTests(e, o);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e, ITestOutputHelper o) : EcsClientTests(e, o);

    [Fact]
    public Task The_boto3_ecs_lifecycle_passes() => RunAsync("python3", "ecs.py", TimeSpan.FromMinutes(4));

    private async Task RunAsync(string interpreter, string script, TimeSpan timeout)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "clients", script);
        var start = new ProcessStartInfo(interpreter, [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CONTROLPLANE_ENDPOINT"] = emulator.Url;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
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
        Assert.Contains("ecs: ", await stdout);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ControlPlane.sln not found above the test binaries");
    }
}
