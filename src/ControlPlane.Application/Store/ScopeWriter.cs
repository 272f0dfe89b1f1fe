using ControlPlane.Application.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Store;

/// <summary>
/// Runs one mutating request as one transaction. The transaction first bumps the scope's state version: that row
/// lock serialises writers of one (account, region) across processes sharing a PostgreSQL database, so a handler's
/// checks (duplicates, quotas, dependencies) hold until it commits, and the reachability cache sees every change.
/// </summary>
public sealed class ScopeWriter(ControlPlaneDbContext db, RequestContext request, IStoreProvider provider)
{
    public async Task<T> WriteAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var gate = provider.WriteGate;
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await BumpVersionAsync(cancellationToken);
            var result = await work();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException e) when (StoreErrors.Translate(e, provider) is { } aws)
        {
            throw aws;
        }
        finally
        {
            db.ChangeTracker.Clear();
            gate?.Release();
        }
    }

    public Task WriteAsync(Func<Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async () => { await work(); return true; }, cancellationToken);

    private Task<int> BumpVersionAsync(CancellationToken cancellationToken)
    {
        var (account, region) = (request.AccountId, request.Region);
        return db.Scopes.Where(s => s.AccountId == account && s.Region == region)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
    }
}
