using System.Diagnostics;
using ControlPlane.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ControlPlane.Api.Tests.Services;

/// <summary>
/// RDS (with DocumentDB and Neptune) and Redshift through boto3 and the AWS CLI against the real host on SQLite: the
/// scripts <c>tests/clients/rds.py</c> and <c>tests/clients/redshift.py</c> assert AWS's answers and the interfaces the
/// databases place in the VPC, one line per check, which lands in the test output.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class DatabaseClientTests(SqliteEmulator emulator, ITestOutputHelper output)
{
    [Fact]
    public Task Rds_docdb_and_neptune_work_with_boto3_on_sqlite() => DatabaseScripts.RunAsync(emulator.Url, "rds.py", output);

    [Fact]
    public Task Redshift_works_with_boto3_on_sqlite() => DatabaseScripts.RunAsync(emulator.Url, "redshift.py", output);
}

/// <summary>The same scripts on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseClientPostgresTests(PostgresEmulator emulator, ITestOutputHelper output)
{
    [Fact]
    public Task Rds_docdb_and_neptune_work_with_boto3_on_postgres() => DatabaseScripts.RunAsync(emulator.Url, "rds.py", output);

    [Fact]
    public Task Redshift_works_with_boto3_on_postgres() => DatabaseScripts.RunAsync(emulator.Url, "redshift.py", output);
}

internal static class DatabaseScripts
{
    public static async Task RunAsync(string url, string script, ITestOutputHelper output)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "clients", script);
        var start = new ProcessStartInfo("python3", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CONTROLPLANE_ENDPOINT"] = url;
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
