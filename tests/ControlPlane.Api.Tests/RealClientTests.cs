using System.Diagnostics;
using ControlPlane.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ControlPlane.Api.Tests;

/// <summary>
/// The unmodified AWS CLI, boto3 and Terraform (hashicorp/aws 5.100) against the real host: the scripts in
/// <c>tests/clients/</c> assert AWS's answers and print one line per check, which lands in the test output.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class RealClientTests(SqliteEmulator emulator, ITestOutputHelper output)
{
    [Fact]
    public Task The_aws_cli_lifecycle_passes() => RunAsync("aws-cli.sh", TimeSpan.FromMinutes(5));

    [Fact]
    public Task The_aws_cli_networking_lifecycle_passes() => RunAsync("aws-cli-networking.sh", TimeSpan.FromMinutes(6));

    [Fact]
    public Task The_aws_cli_reachability_analyses_pass() => RunAsync("aws-cli-reachability.sh", TimeSpan.FromMinutes(4));

    [Fact]
    public Task Boto3_paginators_waiters_and_errors_work() => RunAsync("python3", "boto3-smoke.py", TimeSpan.FromMinutes(2));

    [Fact]
    public Task Terraform_applies_plans_clean_and_destroys() => RunAsync("terraform.sh", TimeSpan.FromMinutes(10));

    [Fact]
    public Task Terraform_builds_and_removes_the_whole_network() => RunAsync("terraform-networking.sh", TimeSpan.FromMinutes(10));

    [Fact]
    public Task Terraform_builds_an_alb_rds_elasticache_and_a_vpc_lambda() => RunAsync("terraform-services.sh", TimeSpan.FromMinutes(10));

    [Fact]
    public Task Reachability_answers_across_services_and_for_direct_connect_and_global_accelerator() =>
        RunAsync("python3", "reachability-services.py", TimeSpan.FromMinutes(3));

    private Task RunAsync(string script, TimeSpan timeout) => RunAsync("bash", script, timeout);

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
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ControlPlane.sln not found above the test binaries");
    }
}
