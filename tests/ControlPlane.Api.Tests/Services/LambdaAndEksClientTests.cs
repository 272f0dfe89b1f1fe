using System.Diagnostics;
using ControlPlane.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ControlPlane.Api.Tests.Services;

/// <summary>
/// boto3 (and the AWS CLI) drive Lambda functions and EKS clusters in a VPC against the real host: the scripts
/// <c>tests/clients/lambda.py</c> and <c>tests/clients/eks.py</c> assert AWS's answers and the interfaces EC2 shows,
/// one line per check, which lands in the test output.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class LambdaAndEksClientTests(SqliteEmulator emulator, ITestOutputHelper output)
{
    [Fact]
    public Task Lambda_functions_share_their_vpc_interfaces_on_sqlite() => ClientScripts.RunAsync(emulator, output, "lambda.py");

    [Fact]
    public Task Eks_clusters_place_their_control_plane_on_sqlite() => ClientScripts.RunAsync(emulator, output, "eks.py");
}

[Collection(PostgresCollection.Name)]
public sealed class LambdaAndEksPostgresClientTests(PostgresEmulator emulator, ITestOutputHelper output)
{
    [Fact]
    public Task Lambda_functions_share_their_vpc_interfaces_on_postgres() => ClientScripts.RunAsync(emulator, output, "lambda.py");

    [Fact]
    public Task Eks_clusters_place_their_control_plane_on_postgres() => ClientScripts.RunAsync(emulator, output, "eks.py");
}

/// <summary>Runs a boto3 script of <c>tests/clients/</c> against an emulator and fails with its output when a check fails.</summary>
internal static class ClientScripts
{
    public static async Task RunAsync(Emulator emulator, ITestOutputHelper output, string script)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "clients", script);
        var start = new ProcessStartInfo("python3", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CONTROLPLANE_ENDPOINT"] = emulator.Url;
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
