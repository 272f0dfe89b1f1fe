using System.Data.Common;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace ControlPlane.Migrations.Postgres;

/// <summary>PostgreSQL through Npgsql: shared and durable; several emulator processes may use one database.</summary>
public sealed class PostgresStore(string connectionString) : IStoreProvider
{
    public string Kind => "postgres";

    public SemaphoreSlim? WriteGate => null;

    public void Configure(DbContextOptionsBuilder options) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresStore).Assembly.GetName().Name));

    public StoreConstraintViolation? Classify(DbException exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e => new StoreConstraintViolation(ConstraintKind.Unique, e.ConstraintName ?? e.TableName ?? ""),
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } e => new StoreConstraintViolation(ConstraintKind.ForeignKey, e.ConstraintName ?? ""),
        _ => null,
    };

    /// <summary>Migrations run under an advisory lock, so emulator processes starting together do not race.</summary>
    public async Task InitializeAsync(ControlPlaneDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(4566)", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(4566)", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --project migrations/ControlPlane.Migrations.Postgres</c> build the model.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ControlPlaneDbContext>
{
    public ControlPlaneDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ControlPlaneDbContext>();
        new PostgresStore("Host=localhost;Database=controlplane").Configure(options);
        return new ControlPlaneDbContext(options.Options, new RequestContext());
    }
}
