using System.Data;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Application.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ControlPlane.Application.Sandbox;

/// <summary>Writes one scope, or every scope, as a <see cref="StateDocument"/>, from one consistent view of the store.</summary>
public sealed class StateExporter(ControlPlaneDbContext db, StateModelSource models, IStoreProvider provider)
{
    public async Task<JsonObject> ExportAsync(ScopeKey? only, CancellationToken cancellationToken)
    {
        // SQLite: the write gate keeps this process's writers out while the tables are read; PostgreSQL: one snapshot.
        var gate = provider.WriteGate;
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            await using var snapshot = gate is null ? await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken) : null;
            return await ReadAsync(only, cancellationToken);
        }
        finally
        {
            gate?.Release();
        }
    }

    private async Task<JsonObject> ReadAsync(ScopeKey? only, CancellationToken cancellationToken)
    {
        var model = models.Get(db);
        var scopes = await db.Scopes.IgnoreQueryFilters().AsNoTracking()
            .Where(s => only == null || (s.AccountId == only.AccountId && s.Region == only.Region))
            .Select(s => new ScopeKey(s.AccountId, s.Region)).ToListAsync(cancellationToken);
        scopes = scopes.OrderBy(s => s.AccountId, StringComparer.Ordinal).ThenBy(s => s.Region, StringComparer.Ordinal).ToList();

        var scopeNodes = new JsonArray();
        foreach (var scope in scopes)
        {
            var resources = new JsonObject();
            foreach (var set in model.Sets.Where(s => s.Belonging is Belonging.Scope or Belonging.Parent))
            {
                var rows = await RowsAsync(model, set, scope, cancellationToken);
                if (rows.Count > 0) resources[set.Name] = rows;
            }
            scopeNodes.Add(new JsonObject { ["accountId"] = scope.AccountId, ["region"] = scope.Region, ["resources"] = resources });
        }

        var shared = new JsonObject();
        foreach (var set in model.Sets.Where(s => s.Belonging is Belonging.Sides or Belonging.Global))
        {
            // One scope's document carries the rows that name it; a whole export carries them all.
            if (only is not null && set.Belonging == Belonging.Global) continue;
            var rows = await RowsAsync(model, set, only, cancellationToken);
            if (rows.Count > 0) shared[set.Name] = rows;
        }
        return new JsonObject
        {
            ["format"] = StateDocument.Format,
            ["formatVersion"] = StateDocument.FormatVersion,
            ["scopes"] = scopeNodes,
            ["shared"] = shared,
        };
    }

    private async Task<JsonArray> RowsAsync(StateModel model, EntitySet set, ScopeKey? scope, CancellationToken cancellationToken)
    {
        var entities = await ((IQueryable<object>)model.Rows(db, set, scope)).AsNoTracking().ToListAsync(cancellationToken);
        var rows = new JsonArray();
        foreach (var entity in entities.OrderBy(e => e, new KeyOrder(set.Key)))
        {
            var row = new JsonObject();
            foreach (var column in set.Columns)
            {
                row[StateDocument.ColumnName(column.Name)] = JsonSerializer.SerializeToNode(column.GetGetter().GetClrValue(entity), column.ClrType, StateDocument.Json);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Rows in key order (ordinal for text), so the same state always gives the same document.</summary>
    private sealed class KeyOrder(IReadOnlyList<IProperty> key) : IComparer<object>
    {
        public int Compare(object? x, object? y)
        {
            foreach (var property in key)
            {
                var (a, b) = (property.GetGetter().GetClrValue(x!), property.GetGetter().GetClrValue(y!));
                var order = a is string s ? string.CompareOrdinal(s, (string?)b) : Comparer<object>.Default.Compare(a, b);
                if (order != 0) return order;
            }
            return 0;
        }
    }
}

/// <summary>The <see cref="StateModel"/> of the one EF model, read once.</summary>
public sealed class StateModelSource
{
    private StateModel? _model;

    public StateModel Get(DbContext db) => _model ??= StateModel.Read(db.Model);
}
