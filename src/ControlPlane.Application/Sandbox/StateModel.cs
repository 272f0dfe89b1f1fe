using System.Linq.Expressions;
using System.Reflection;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ControlPlane.Application.Sandbox;

/// <summary>How the rows of an entity type belong to an (account, region) scope.</summary>
public enum Belonging
{
    /// <summary>The type carries the scope (a <see cref="ScopedEntity"/>).</summary>
    Scope,

    /// <summary>The type hangs off a scoped row through a foreign key (a VPC's CIDR blocks, a route table's routes).</summary>
    Parent,

    /// <summary>The type names one or more scopes in column pairs <c>&lt;Side&gt;AccountId</c>/<c>&lt;Side&gt;Region</c> (a peering connection's two sides).</summary>
    Sides,

    /// <summary>Belongs to no scope; moves only with the whole emulator.</summary>
    Global,
}

/// <summary>One entity type as the sandbox sees it: its rows' scope, the columns it exports, where it sits in dependency order.</summary>
public sealed record EntitySet(
    IEntityType Type,
    string Name,
    Belonging Belonging,
    IForeignKey? Parent,
    IReadOnlyList<(IProperty Account, IProperty Region)> Sides,
    IReadOnlyList<IProperty> Columns)
{
    public Type ClrType => Type.ClrType;
    public IReadOnlyList<IProperty> Key => Type.FindPrimaryKey()!.Properties;
}

/// <summary>
/// The sandbox's reading of the EF Core model: every entity type, how its rows belong to a scope, in an order where
/// principals come before their dependents. Read from the model, so entity types added later are exported, imported
/// and reset without new code; a model shape it cannot handle fails loudly (and the sandbox tests with it).
/// </summary>
public sealed class StateModel
{
    private StateModel(IReadOnlyList<EntitySet> sets) => Sets = sets;

    /// <summary>Every entity type but the scope rows themselves, principals first.</summary>
    public IReadOnlyList<EntitySet> Sets { get; }

    public EntitySet? Find(string name) => Sets.FirstOrDefault(s => s.Name == name);

    public EntitySet Of(Type clrType) => Sets.First(s => s.ClrType == clrType);

    public static StateModel Read(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.ClrType != typeof(ScopeState)).ToList();
        foreach (var type in types)
        {
            if (type.IsOwned() || type.FindPrimaryKey() is null || type.GetProperties().Any(p => p.IsShadowProperty()))
                throw new NotSupportedException($"The sandbox cannot move rows of {type.DisplayName()}: owned, keyless or shadow-property types need handling.");
        }
        var ordered = TopologicalOrder(types);
        var sets = new List<EntitySet>();
        foreach (var type in ordered) sets.Add(Describe(type, sets));
        return new StateModel(sets);
    }

    private static EntitySet Describe(IEntityType type, List<EntitySet> earlier)
    {
        var name = type.GetTableName() ?? type.ShortName();
        var generated = type.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd).ToList();
        if (generated.Any(p => p.GetContainingForeignKeys().Any() || p.GetContainingKeys().Any(k => k.GetReferencingForeignKeys().Any())))
            throw new NotSupportedException($"{name}: a store-generated key that other rows refer to cannot be re-generated on import.");
        if (typeof(ScopedEntity).IsAssignableFrom(type.ClrType))
        {
            var columns = type.GetProperties().Where(p => p.Name is not (nameof(ScopedEntity.AccountId) or nameof(ScopedEntity.Region)) && !generated.Contains(p)).ToList();
            return new EntitySet(type, name, Belonging.Scope, null, [], columns);
        }
        var exported = type.GetProperties().Where(p => !generated.Contains(p)).ToList();
        // The owning row: a required foreign key to a type that belongs to a scope, cascading ones first.
        var parent = type.GetForeignKeys()
            .Where(fk => fk.IsRequired && fk.PrincipalEntityType != type && earlier.Any(s => s.Type == fk.PrincipalEntityType && s.Belonging is Belonging.Scope or Belonging.Parent))
            .OrderBy(fk => fk.DeleteBehavior == DeleteBehavior.Cascade ? 0 : 1).ThenBy(fk => fk.PrincipalEntityType.ShortName(), StringComparer.Ordinal)
            .FirstOrDefault();
        if (parent is not null)
        {
            if (parent.Properties.Count != 1 || parent.PrincipalKey.Properties.Count != 1)
                throw new NotSupportedException($"{name}: composite foreign keys are not supported by the sandbox.");
            return new EntitySet(type, name, Belonging.Parent, parent, [], exported);
        }
        var sides = type.GetProperties()
            .Where(p => p.Name.EndsWith("AccountId", StringComparison.Ordinal) && p.ClrType == typeof(string))
            .Select(p => (Account: p, Region: type.FindProperty(p.Name[..^"AccountId".Length] + "Region")))
            .Where(s => s.Region is not null)
            .Select(s => (s.Account, s.Region!))
            .ToList();
        return new EntitySet(type, name, sides.Count > 0 ? Belonging.Sides : Belonging.Global, null, sides, exported);
    }

    /// <summary>Principals before dependents (self-references ignored), ties broken by table name so the order is stable.</summary>
    private static List<IEntityType> TopologicalOrder(List<IEntityType> types)
    {
        var remaining = types.OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(t => t.GetForeignKeys()
                .All(fk => fk.PrincipalEntityType == t || !remaining.Contains(fk.PrincipalEntityType) || fk.PrincipalEntityType.ClrType == typeof(ScopeState)))
                ?? throw new NotSupportedException("The sandbox cannot order entity types with a foreign-key cycle: " + string.Join(", ", remaining.Select(t => t.ShortName())));
            ordered.Add(next);
            remaining.Remove(next);
        }
        return ordered;
    }

    /// <summary>The rows of <paramref name="set"/> in one scope, or in every scope when <paramref name="scope"/> is null.</summary>
    public IQueryable Rows(DbContext db, EntitySet set, ScopeKey? scope)
    {
        var all = IgnoreQueryFilters(Root(db, set.ClrType), set.ClrType);
        if (scope is null) return all;
        var (account, region) = (Boxed(scope.AccountId), Boxed(scope.Region));
        var row = Expression.Parameter(set.ClrType, "row");
        Expression predicate = set.Belonging switch
        {
            Belonging.Scope => InScope(row, nameof(ScopedEntity.AccountId), nameof(ScopedEntity.Region), account, region),
            Belonging.Sides => set.Sides.Select(s => InScope(row, s.Account.Name, s.Region.Name, account, region)).Aggregate(Expression.OrElse),
            Belonging.Parent => ParentIn(db, set, row, scope),
            _ => Expression.Constant(false),
        };
        return Where(all, set.ClrType, Expression.Lambda(predicate, row));
    }

    /// <summary>The rows of <paramref name="set"/>, in any scope, whose <paramref name="property"/> is <paramref name="value"/>.</summary>
    public IQueryable WithValue(DbContext db, EntitySet set, IProperty property, object value)
    {
        var row = Expression.Parameter(set.ClrType, "row");
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(property.ClrType), value)!;
        var predicate = Expression.Equal(Property(row, property.Name, property.ClrType), Expression.Property(Expression.Constant(holder), "Value"));
        return Where(IgnoreQueryFilters(Root(db, set.ClrType), set.ClrType), set.ClrType, Expression.Lambda(predicate, row));
    }

    private Expression ParentIn(DbContext db, EntitySet set, ParameterExpression row, ScopeKey scope)
    {
        var fk = set.Parent!;
        var principal = Sets.First(s => s.Type == fk.PrincipalEntityType);
        var keyType = fk.Properties[0].ClrType;
        var p = Expression.Parameter(principal.ClrType, "p");
        var keys = Select(Rows(db, principal, scope), principal.ClrType, Expression.Lambda(Property(p, fk.PrincipalKey.Properties[0].Name, keyType), p), keyType);
        return Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [keyType], keys.Expression, Property(row, fk.Properties[0].Name, keyType));
    }

    private static Expression InScope(ParameterExpression row, string accountColumn, string regionColumn, Expression account, Expression region) =>
        Expression.AndAlso(
            Expression.Equal(Property(row, accountColumn, typeof(string)), account),
            Expression.Equal(Property(row, regionColumn, typeof(string)), region));

    private static readonly MethodInfo EfProperty = typeof(EF).GetMethod(nameof(EF.Property))!;

    private static Expression Property(Expression row, string name, Type type) =>
        Expression.Call(EfProperty.MakeGenericMethod(type), row, Expression.Constant(name));

    /// <summary>A value EF sends as a parameter, not inlined into the SQL.</summary>
    private static Expression Boxed(string value) =>
        Expression.Property(Expression.Constant(new Holder<string>(value)), nameof(Holder<string>.Value));

    private sealed record Holder<T>(T Value);

    private static IQueryable Root(DbContext db, Type clrType) =>
        (IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(clrType).Invoke(db, null)!;

    private static IQueryable IgnoreQueryFilters(IQueryable source, Type clrType) =>
        source.Provider.CreateQuery(Expression.Call(
            typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters), [clrType], source.Expression));

    private static IQueryable Where(IQueryable source, Type clrType, LambdaExpression predicate) =>
        source.Provider.CreateQuery(Expression.Call(typeof(Queryable), nameof(Queryable.Where), [clrType], source.Expression, Expression.Quote(predicate)));

    private static IQueryable Select(IQueryable source, Type clrType, LambdaExpression selector, Type resultType) =>
        source.Provider.CreateQuery(Expression.Call(typeof(Queryable), nameof(Queryable.Select), [clrType, resultType], source.Expression, Expression.Quote(selector)));
}

/// <summary>One (account, region).</summary>
public sealed partial record ScopeKey(string AccountId, string Region)
{
    public override string ToString() => $"{AccountId}/{Region}";

    /// <summary>Twelve digits, as AWS account ids are.</summary>
    public static bool IsAccountId(string value) => AccountPattern().IsMatch(value);

    /// <summary>A well-formed region name (any, as on the AWS endpoint, where unknown regions get three zones), at most 32 characters as the store keeps them.</summary>
    public static bool IsRegion(string value) => value.Length <= 32 && RegionPattern().IsMatch(value);

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{12}$")]
    private static partial System.Text.RegularExpressions.Regex AccountPattern();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial System.Text.RegularExpressions.Regex RegionPattern();
}
