using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ControlPlane.Application.Sandbox;

/// <summary>
/// Imports a <see cref="StateDocument"/> into scopes that hold nothing yet. The whole document is read and checked
/// first (format, known tables and columns, value types, required columns, unique keys, every reference resolvable,
/// child rows in their parent's scope), then written in one transaction; anything wrong refuses it whole and changes
/// nothing.
/// </summary>
public sealed class StateImporter(ControlPlaneDbContext db, StateModelSource models, IStoreProvider provider, KnownScopes known, TimeProvider time)
{
    public async Task<ImportReport> ImportAsync(JsonNode? document, CancellationToken cancellationToken)
    {
        var model = models.Get(db);
        var parsed = Parse(model, document);
        await CheckReferencesAsync(model, parsed, cancellationToken);

        var gate = provider.WriteGate;
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var scope in parsed.Scopes.Keys)
            {
                if (await db.Scopes.IgnoreQueryFilters().AnyAsync(s => s.AccountId == scope.AccountId && s.Region == scope.Region, cancellationToken))
                    throw Ec2Errors.ScopeNotEmpty(scope.AccountId, scope.Region);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var scope in parsed.Scopes.Keys) db.Scopes.Add(new ScopeState { AccountId = scope.AccountId, Region = scope.Region, Version = ScopeVersions.Fresh(time) });
            foreach (var row in parsed.Rows) db.Add(row.Entity);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            var violation = e.InnerException is System.Data.Common.DbException inner ? provider.Classify(inner) : null;
            throw violation switch
            {
                { Kind: ConstraintKind.Unique } => Ec2Errors.StateConflict($"a row repeats a value that must be unique ({violation.Name}), with existing state or within the document"),
                { Kind: ConstraintKind.ForeignKey } => Ec2Errors.InvalidStateDocument($"a reference does not resolve ({violation.Name})"),
                _ => Ec2Errors.InvalidStateDocument("the store refused a row: " + (e.InnerException ?? e).Message),
            };
        }
        finally
        {
            db.ChangeTracker.Clear();
            gate?.Release();
        }
        foreach (var scope in parsed.Scopes.Keys) known.Add(scope.AccountId, scope.Region);
        return new ImportReport(
            parsed.Scopes.Select(s => new ImportedScope(s.Key.AccountId, s.Key.Region, s.Value)).ToList(),
            parsed.Rows.Count(r => r.Scope is null));
    }

    private sealed record Row(EntitySet Set, object Entity, ScopeKey? Scope, string Where);

    private sealed record Parsed(Dictionary<ScopeKey, int> Scopes, List<Row> Rows);

    private static Parsed Parse(StateModel model, JsonNode? document)
    {
        if (document is not JsonObject root) throw Ec2Errors.InvalidStateDocument("expected a JSON object");
        Expect(root, "$", "format", "formatVersion", "scopes", "shared");
        if (Text(root, "format", "$") != StateDocument.Format)
            throw Ec2Errors.InvalidStateDocument($"format must be \"{StateDocument.Format}\"");
        if (root["formatVersion"] is not JsonValue version || !version.TryGetValue<int>(out var number) || number != StateDocument.FormatVersion)
            throw Ec2Errors.InvalidStateDocument($"formatVersion must be {StateDocument.FormatVersion}");

        var scopes = new Dictionary<ScopeKey, int>();
        var rows = new List<Row>();
        if (root["scopes"] is not JsonArray scopeNodes) throw Ec2Errors.InvalidStateDocument("scopes must be an array");
        for (var i = 0; i < scopeNodes.Count; i++)
        {
            var where = $"scopes[{i}]";
            if (scopeNodes[i] is not JsonObject scopeNode) throw Ec2Errors.InvalidStateDocument($"{where} must be an object");
            Expect(scopeNode, where, "accountId", "region", "resources");
            var scope = new ScopeKey(Text(scopeNode, "accountId", where), Text(scopeNode, "region", where));
            if (!ScopeKey.IsAccountId(scope.AccountId)) throw Ec2Errors.InvalidStateDocument($"{where}.accountId must be 12 digits");
            if (!ScopeKey.IsRegion(scope.Region)) throw Ec2Errors.InvalidStateDocument($"{where}.region is not a region name");
            if (scopes.ContainsKey(scope)) throw Ec2Errors.InvalidStateDocument($"{where}: the scope {scope} appears twice");
            var before = rows.Count;
            ParseSets(model, scopeNode["resources"], $"{where}.resources", scope, rows, s => s.Belonging is Belonging.Scope or Belonging.Parent);
            scopes[scope] = rows.Count - before;
        }
        ParseSets(model, root["shared"], "shared", null, rows, s => s.Belonging is Belonging.Sides or Belonging.Global);
        return new Parsed(scopes, rows);
    }

    private static void ParseSets(StateModel model, JsonNode? node, string where, ScopeKey? scope, List<Row> rows, Func<EntitySet, bool> allowed)
    {
        if (node is null) return;
        if (node is not JsonObject sets) throw Ec2Errors.InvalidStateDocument($"{where} must be an object");
        foreach (var (name, value) in sets)
        {
            var set = model.Find(name);
            if (set is null || !allowed(set)) throw Ec2Errors.InvalidStateDocument($"{where}.{name}: no such resource table here");
            if (value is not JsonArray array) throw Ec2Errors.InvalidStateDocument($"{where}.{name} must be an array");
            for (var i = 0; i < array.Count; i++)
            {
                var at = $"{where}.{name}[{i}]";
                rows.Add(new Row(set, Build(set, array[i], at, scope), scope, at));
            }
        }
    }

    /// <summary>An entity from one row: known columns only, typed by the model; missing required columns refused, others as a new entity has them.</summary>
    private static object Build(EntitySet set, JsonNode? node, string where, ScopeKey? scope)
    {
        if (node is not JsonObject row) throw Ec2Errors.InvalidStateDocument($"{where} must be an object");
        var columns = set.Columns.ToDictionary(c => StateDocument.ColumnName(c.Name), StringComparer.Ordinal);
        foreach (var (name, _) in row)
        {
            if (!columns.ContainsKey(name)) throw Ec2Errors.InvalidStateDocument($"{where}: unknown column {name}");
        }
        var entity = Activator.CreateInstance(set.ClrType, nonPublic: true)!;
        if (scope is not null && set.Belonging == Belonging.Scope)
        {
            Set(set.Type.FindProperty(nameof(ScopedEntity.AccountId))!, entity, scope.AccountId);
            Set(set.Type.FindProperty(nameof(ScopedEntity.Region))!, entity, scope.Region);
        }
        foreach (var (name, column) in columns)
        {
            if (!row.TryGetPropertyValue(name, out var value))
            {
                if (IsRequired(column) || (column.GetGetter().GetClrValue(entity) is null && !column.IsNullable))
                    throw Ec2Errors.InvalidStateDocument($"{where}: the column {name} is required");
                continue;
            }
            object? typed;
            try
            {
                typed = value?.Deserialize(column.ClrType, StateDocument.Json);
            }
            catch (JsonException)
            {
                throw Ec2Errors.InvalidStateDocument($"{where}.{name}: not a {Describe(column.ClrType)}");
            }
            if (typed is null && !column.IsNullable) throw Ec2Errors.InvalidStateDocument($"{where}.{name} cannot be null");
            if (typed is string text && column.GetMaxLength() is { } max && text.Length > max)
                throw Ec2Errors.InvalidStateDocument($"{where}.{name} is longer than {max} characters");
            Set(column, entity, typed);
        }
        return entity;
    }

    /// <summary>
    /// Every reference must resolve: a child row's parent in the same scope of the document, a two-sided row naming one of
    /// the document's scopes, every other foreign key to a row of the document or of the emulator.
    /// </summary>
    private async Task CheckReferencesAsync(StateModel model, Parsed parsed, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<IEntityType, Dictionary<string, ScopeKey?>>();
        // Rows with store-generated keys (routes, prefix list entries) get new keys on import; nothing refers to them.
        foreach (var row in parsed.Rows.Where(r => r.Set.Key.All(r.Set.Columns.Contains)))
        {
            var byKey = keys.TryGetValue(row.Set.Type, out var k) ? k : keys[row.Set.Type] = new Dictionary<string, ScopeKey?>(StringComparer.Ordinal);
            var key = KeyText(row.Set.Key, row.Entity);
            if (!byKey.TryAdd(key, row.Scope)) throw Ec2Errors.InvalidStateDocument($"{row.Where}: {row.Set.Name} {key} appears twice");
        }
        foreach (var row in parsed.Rows)
        {
            if (row.Set.Belonging == Belonging.Sides && !row.Set.Sides.Any(s => parsed.Scopes.ContainsKey(
                    new ScopeKey((string?)s.Account.GetGetter().GetClrValue(row.Entity) ?? "", (string?)s.Region.GetGetter().GetClrValue(row.Entity) ?? ""))))
                throw Ec2Errors.InvalidStateDocument($"{row.Where}: names none of the document's scopes");
            foreach (var fk in row.Set.Type.GetForeignKeys())
            {
                if (fk.PrincipalEntityType.ClrType == typeof(ScopeState)) continue;
                var value = fk.Properties[0].GetGetter().GetClrValue(row.Entity);
                if (value is null) continue;
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
                var principals = keys.GetValueOrDefault(fk.PrincipalEntityType);
                if (principals is not null && principals.TryGetValue(text, out var principalScope))
                {
                    if (fk == row.Set.Parent && principalScope != row.Scope)
                        throw Ec2Errors.InvalidStateDocument($"{row.Where}: {fk.Properties[0].Name} {text} is in another scope");
                    continue;
                }
                if (fk == row.Set.Parent || !await ExistsAsync(model, fk, value, cancellationToken))
                    throw Ec2Errors.InvalidStateDocument($"{row.Where}: {StateDocument.ColumnName(fk.Properties[0].Name)} {text} refers to no {model.Of(fk.PrincipalEntityType.ClrType).Name} row");
            }
        }
    }

    private Task<bool> ExistsAsync(StateModel model, IForeignKey fk, object value, CancellationToken cancellationToken) =>
        ((IQueryable<object>)model.WithValue(db, model.Of(fk.PrincipalEntityType.ClrType), fk.PrincipalKey.Properties[0], value)).AnyAsync(cancellationToken);

    private static string KeyText(IReadOnlyList<IProperty> key, object entity) =>
        string.Join("|", key.Select(p => Convert.ToString(p.GetGetter().GetClrValue(entity), System.Globalization.CultureInfo.InvariantCulture)));

    private static void Set(IProperty property, object entity, object? value)
    {
        switch (property.GetMemberInfo(forMaterialization: true, forSet: true))
        {
            case FieldInfo field: field.SetValue(entity, value); break;
            case PropertyInfo info: info.SetValue(entity, value); break;
        }
    }

    private static bool IsRequired(IProperty column) =>
        column.IsKey() || column.PropertyInfo?.GetCustomAttribute<RequiredMemberAttribute>() is not null;

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) ? "string" : t == typeof(bool) ? "boolean" : t == typeof(DateTimeOffset) ? "date-time" : t.IsPrimitive ? "number" : t.Name;
    }

    private static void Expect(JsonObject node, string where, params string[] allowed)
    {
        foreach (var (name, _) in node)
        {
            if (!allowed.Contains(name)) throw Ec2Errors.InvalidStateDocument($"{where}: unknown member {name}");
        }
    }

    private static string Text(JsonObject node, string member, string where) =>
        node[member] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Ec2Errors.InvalidStateDocument($"{where}.{member} must be a string");
}
