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
    private readonly HashSet<(string Account, string Region)> _otherScopes = [];

    public async Task<T> WriteAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var gate = provider.WriteGate;
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            _otherScopes.Clear();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await BumpVersionAsync(request.AccountId, request.Region, cancellationToken);
                var result = await work();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                // After the commit, one statement each: locking a second scope's row inside the transaction could deadlock
                // with a writer of that scope doing the same the other way round.
                foreach (var (account, region) in _otherScopes) await BumpVersionAsync(account, region, cancellationToken);
                return result;
            }
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

    /// <summary>
    /// The change also alters what another scope sees (the far side of a peering connection), so that scope's version
    /// moves too once this one commits, and its cached reachability view is rebuilt.
    /// </summary>
    public void AlsoChanges(string accountId, string region)
    {
        if (accountId != request.AccountId || region != request.Region) _otherScopes.Add((accountId, region));
    }

    private Task<int> BumpVersionAsync(string account, string region, CancellationToken cancellationToken) =>
        db.Scopes.Where(s => s.AccountId == account && s.Region == region)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
}
