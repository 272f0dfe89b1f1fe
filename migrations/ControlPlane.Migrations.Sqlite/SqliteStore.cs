using System.Data.Common;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ControlPlane.Migrations.Sqlite;

/// <summary>
/// Embedded SQLite: the zero-setup default (a file), or a throwaway in-memory database that lives as long as the
/// process (a shared-cache memory database kept open by one connection).
/// </summary>
public sealed class SqliteStore : IStoreProvider, IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;

    public SqliteStore(string connectionString, bool inMemory)
    {
        _connectionString = connectionString;
        Kind = inMemory ? "memory" : "sqlite";
        if (inMemory)
        {
            _keepAlive = new SqliteConnection(connectionString);
            _keepAlive.Open();
        }
        else if (new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } file
                 && Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>A private in-memory database, named so that every connection of this process reaches the same one.</summary>
    public static SqliteStore InMemory() => new($"Data Source=controlplane-{Guid.NewGuid():N};Mode=Memory;Cache=Shared", inMemory: true);

    public string Kind { get; }

    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SemaphoreSlim? WriteGate => _writeGate;

    public void Configure(DbContextOptionsBuilder options) =>
        options.UseSqlite(_connectionString, o => o.MigrationsAssembly(typeof(SqliteStore).Assembly.GetName().Name));

    public StoreConstraintViolation? Classify(DbException exception) => exception switch
    {
        // SQLite names the table and columns in the message of SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY / _FOREIGNKEY.
        SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } e => new StoreConstraintViolation(ConstraintKind.Unique, e.Message),
        SqliteException { SqliteExtendedErrorCode: 787 } e => new StoreConstraintViolation(ConstraintKind.ForeignKey, e.Message),
        _ => null,
    };

    public async Task InitializeAsync(ControlPlaneDbContext db, CancellationToken cancellationToken)
    {
        if (_keepAlive is null)
        {
            // WAL lets readers run while a writer commits; NORMAL sync is durable across process crashes in WAL mode.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }

    public void Dispose()
    {
        _keepAlive?.Dispose();
        _writeGate.Dispose();
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --project migrations/ControlPlane.Migrations.Sqlite</c> build the model.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ControlPlaneDbContext>
{
    public ControlPlaneDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ControlPlaneDbContext>();
        new SqliteStore("Data Source=design-time.db", inMemory: false).Configure(options);
        return new ControlPlaneDbContext(options.Options, new RequestContext());
    }
}
