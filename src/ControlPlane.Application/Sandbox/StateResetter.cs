using System.Data.Common;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Sandbox;

/// <summary>
/// Deletes the state of one scope, or of the whole emulator, in one transaction: dependents first, then what they
/// depend on, then the scope rows, so the next request of the scope starts again from a fresh default VPC.
/// </summary>
public sealed class StateResetter(ControlPlaneDbContext db, StateModelSource models, IStoreProvider provider, KnownScopes known)
{
    public async Task ResetAsync(ScopeKey? only, CancellationToken cancellationToken)
    {
        var model = models.Get(db);
        var gate = provider.WriteGate;
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A whole reset empties every table; a scope's leaves rows that belong to no scope.
            foreach (var set in model.Sets.Reverse().Where(s => only is null || s.Belonging != Belonging.Global))
            {
                await DeleteAsync(model.Rows(db, set, only), cancellationToken);
            }
            await db.Scopes.IgnoreQueryFilters()
                .Where(s => only == null || (s.AccountId == only.AccountId && s.Region == only.Region))
                .ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e) when (only is not null && provider.Classify(e) is { Kind: ConstraintKind.ForeignKey })
        {
            throw Ec2Errors.ScopeReferencedElsewhere(only.AccountId, only.Region);
        }
        finally
        {
            db.ChangeTracker.Clear();
            gate?.Release();
        }
        // This process re-creates the scope's defaults on its next request.
        known.Clear();
    }

    private static Task<int> DeleteAsync(IQueryable rows, CancellationToken cancellationToken) =>
        (Task<int>)typeof(EntityFrameworkQueryableExtensions).GetMethod(nameof(EntityFrameworkQueryableExtensions.ExecuteDeleteAsync))!
            .MakeGenericMethod(rows.ElementType).Invoke(null, [rows, cancellationToken])!;
}
