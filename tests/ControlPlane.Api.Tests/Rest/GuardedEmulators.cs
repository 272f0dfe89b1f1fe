using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary>
/// A host of its own with an admin token configured: the tests that reset or import the whole emulator run here, so
/// they never touch the state of tests sharing the collection hosts.
/// </summary>
public sealed class GuardedSqliteEmulator : Emulator
{
    public const string Token = "s3cret-admin-token";
    private readonly string _directory = Directory.CreateTempSubdirectory("controlplane-sandbox-").FullName;

    public override string StoreKind => "sqlite";

    protected override Task<IReadOnlyDictionary<string, string?>> ConfigureStoreAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["ControlPlane:Store"] = "sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_directory, "controlplane.db")}",
            ["ControlPlane:AdminToken"] = Token,
        });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

/// <inheritdoc cref="GuardedSqliteEmulator"/>
public sealed class GuardedPostgresEmulator : Emulator
{
    private PostgresServer? _server;
    private string? _connectionString;

    public override string StoreKind => "postgres";

    protected override async Task<IReadOnlyDictionary<string, string?>> ConfigureStoreAsync()
    {
        if (_connectionString is null)
        {
            _server = await PostgresServer.StartAsync();
            _connectionString = await _server.CreateDatabaseAsync($"controlplane_sandbox_{Guid.NewGuid():N}");
        }
        return new Dictionary<string, string?>
        {
            ["ControlPlane:Store"] = "postgres",
            ["ConnectionStrings:Postgres"] = _connectionString,
            ["ControlPlane:AdminToken"] = GuardedSqliteEmulator.Token,
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}
