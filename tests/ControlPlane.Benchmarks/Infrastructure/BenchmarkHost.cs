using Amazon.EC2;
using Amazon.Runtime;
using ControlPlane.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ControlPlane.Benchmarks.Infrastructure;

/// <summary>
/// The real emulator host, built as the integration tests build it (<see cref="ControlPlaneApp.Build"/>) on a free
/// loopback port, on a new SQLite file or a new PostgreSQL database. Console logging is cut to warnings so it does not
/// dominate; the endpoint's per-request timing goes to <see cref="ServerTimes"/>. Quotas on groups and rules are
/// raised so fixtures of any size fit.
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    public const string Account = "000000000000";
    public const string Region = "us-east-1";

    private readonly WebApplication _app;
    private readonly string? _directory;
    private bool _disposed;

    private BenchmarkHost(WebApplication app, string store, Uri url, string? directory)
    {
        _app = app;
        _directory = directory;
        Store = store;
        Url = url;
        Raw = Ec2Form.For(url);
        Sdk = new AmazonEC2Client(new BasicAWSCredentials(Account, "secret"), new AmazonEC2Config
        {
            ServiceURL = url.ToString(), AuthenticationRegion = Region, MaxErrorRetry = 0,
        });
    }

    public string Store { get; }
    public Uri Url { get; }

    /// <summary>Raw form posts (no SDK).</summary>
    public Ec2Form Raw { get; }

    /// <summary>The AWS SDK for .NET, for comparison.</summary>
    public AmazonEC2Client Sdk { get; }

    /// <summary>The configuration a store needs: its kind and connection string, plus quotas raised for fixtures.</summary>
    public static async Task<(Dictionary<string, string?> Settings, string? Directory)> StoreSettingsAsync(string store)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ControlPlane:Store"] = store,
            ["ControlPlane:Quotas:SecurityGroupsPerRegion"] = "100000",
            ["ControlPlane:Quotas:RulesPerSecurityGroup"] = "100000",
        };
        switch (store)
        {
            case "sqlite":
                var directory = Directory.CreateTempSubdirectory("controlplane-bench-").FullName;
                settings["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(directory, "controlplane.db")}";
                return (settings, directory);
            case "postgres":
                settings["ConnectionStrings:Postgres"] = await SharedPostgres.CreateDatabaseAsync("controlplane_bench");
                return (settings, null);
            default:
                throw new ArgumentException($"Unknown store '{store}': use sqlite or postgres.", nameof(store));
        }
    }

    public static async Task<BenchmarkHost> StartAsync(string store)
    {
        var (settings, directory) = await StoreSettingsAsync(store);
        WebApplication? app = null;
        try
        {
            app = ControlPlaneApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
                builder.Logging.AddProvider(ServerTimes.Instance);
                builder.Logging.AddFilter<ServerTimes>(ServerTimes.EndpointCategory, LogLevel.Information);
            });
            await app.InitializeStoreAsync();
            await app.StartAsync();
        }
        catch
        {
            if (app is not null) await app.DisposeAsync();
            DeleteDirectory(directory);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new BenchmarkHost(app, store, new Uri(address.TrimEnd('/') + "/"), directory);
        // The first request of a scope creates its default VPC: do it now, outside any measurement.
        await host.Raw.CallAsync("DescribeVpcs");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        Raw.Dispose();
        Sdk.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        DeleteDirectory(_directory);
    }

    private static void DeleteDirectory(string? directory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (directory is null) return;
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
