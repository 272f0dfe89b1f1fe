using ControlPlane.Application.Store;
using ControlPlane.Migrations.Postgres;
using ControlPlane.Migrations.Sqlite;

namespace ControlPlane.Api.Hosting;

/// <summary>
/// Picks the store from configuration: <c>ControlPlane:Store</c> = <c>sqlite</c> (default, a file),
/// <c>memory</c> (throwaway) or <c>postgres</c>; a <c>ConnectionStrings:Postgres</c> alone also selects PostgreSQL.
/// </summary>
public static class StoreSetup
{
    public static IStoreProvider Create(IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        var kind = configuration["ControlPlane:Store"]?.ToLowerInvariant() ?? (string.IsNullOrEmpty(postgres) ? "sqlite" : "postgres");
        return kind switch
        {
            "memory" => SqliteStore.InMemory(),
            "sqlite" => new SqliteStore(configuration.GetConnectionString("Sqlite") ?? "Data Source=data/controlplane.db", inMemory: false),
            "postgres" when !string.IsNullOrEmpty(postgres) => new PostgresStore(postgres),
            "postgres" => throw new InvalidOperationException("ControlPlane:Store is postgres but ConnectionStrings:Postgres is not set."),
            _ => throw new InvalidOperationException($"Unknown ControlPlane:Store '{kind}': use sqlite, memory or postgres."),
        };
    }
}
