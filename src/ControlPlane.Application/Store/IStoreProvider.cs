using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Store;

/// <summary>
/// A database behind the one model: SQLite (embedded, the default) or PostgreSQL. Each lives in its migrations
/// project under <c>migrations/</c>, which also knows how its provider reports a violated constraint.
/// </summary>
public interface IStoreProvider
{
    /// <summary><c>sqlite</c>, <c>memory</c> or <c>postgres</c>, as the health endpoint reports it.</summary>
    string Kind { get; }

    void Configure(DbContextOptionsBuilder options);

    /// <summary>Which constraint a failed write violated, or null when the failure is not a constraint violation.</summary>
    StoreConstraintViolation? Classify(DbException exception);

    /// <summary>Prepares the database once at start-up (migrations, pragmas).</summary>
    Task InitializeAsync(ControlPlaneDbContext db, CancellationToken cancellationToken);

    /// <summary>SQLite has one writer at a time: a process-wide gate queues writers instead of letting them spin on SQLITE_BUSY. Null for PostgreSQL.</summary>
    SemaphoreSlim? WriteGate { get; }
}

public enum ConstraintKind { Unique, ForeignKey }

/// <param name="Name">The index or table the provider names (PostgreSQL gives the index name, SQLite the table and columns).</param>
public sealed record StoreConstraintViolation(ConstraintKind Kind, string Name);
