using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using ControlPlane.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Api.Tests.Infrastructure;

/// <summary>
/// The real host on a free loopback port, driven over HTTP by the real AWS SDK for .NET. Each test asks for its own
/// account (a fresh 12-digit access key), so tests share one host without seeing each other's resources.
/// </summary>
public abstract class Emulator : IAsyncLifetime
{
    private WebApplication? _app;
    private int _nextAccount = Random.Shared.Next(100_000, 900_000);

    public string Url { get; private set; } = "";

    /// <summary>The running host's services, for tests that check an application service against what the API shows.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The emulator is not running.");

    /// <summary>The store kind under test, as the health endpoint reports it.</summary>
    public abstract string StoreKind { get; }

    protected abstract Task<IReadOnlyDictionary<string, string?>> ConfigureStoreAsync();

    public async Task InitializeAsync()
    {
        var settings = await ConfigureStoreAsync();
        _app = ControlPlaneApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await _app.InitializeStoreAsync();
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>A new, empty account (its scope starts with just the default VPC).</summary>
    public string NewAccount() => $"{Interlocked.Increment(ref _nextAccount):D12}";

    public AmazonEC2Client Ec2(string? account = null, string region = "us-east-1") =>
        new(new BasicAWSCredentials(account ?? NewAccount(), "secret"), new AmazonEC2Config
        {
            ServiceURL = Url, AuthenticationRegion = region, MaxErrorRetry = 0,
        });

    public AmazonSecurityTokenServiceClient Sts(string account, string region = "us-east-1") =>
        new(new BasicAWSCredentials(account, "secret"), new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = Url, AuthenticationRegion = region, MaxErrorRetry = 0,
        });

    /// <summary>Stops the host and starts a new one on the same store (for restart tests).</summary>
    public async Task<Emulator> RestartAsync()
    {
        await StopAsync();
        await InitializeAsync();
        return this;
    }

    private async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public virtual async Task DisposeAsync() => await StopAsync();
}

/// <summary>The embedded default: a SQLite file in a temporary directory.</summary>
public sealed class SqliteEmulator : Emulator
{
    private readonly string _directory = Directory.CreateTempSubdirectory("controlplane-tests-").FullName;

    public override string StoreKind => "sqlite";

    protected override Task<IReadOnlyDictionary<string, string?>> ConfigureStoreAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["ControlPlane:Store"] = "sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_directory, "controlplane.db")}",
        });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>PostgreSQL: the server from CONTROLPLANE_TEST_POSTGRES, or a private throwaway one started from the machine's binaries.</summary>
public sealed class PostgresEmulator : Emulator
{
    private PostgresServer? _server;
    private string? _connectionString;

    public override string StoreKind => "postgres";

    protected override async Task<IReadOnlyDictionary<string, string?>> ConfigureStoreAsync()
    {
        if (_connectionString is null)
        {
            _server = await PostgresServer.StartAsync();
            _connectionString = await _server.CreateDatabaseAsync($"controlplane_{Guid.NewGuid():N}");
        }
        return new Dictionary<string, string?>
        {
            ["ControlPlane:Store"] = "postgres",
            ["ConnectionStrings:Postgres"] = _connectionString,
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteEmulator>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresEmulator>
{
    public const string Name = "postgres";
}
