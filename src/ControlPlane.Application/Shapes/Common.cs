namespace ControlPlane.Application.Shapes;

// Shapes shared by many actions, named exactly as the EC2 API model names them, so the wire layer can bind and
// write them by the model (DESIGN.md §3). Result properties that are null are left off the wire.

public sealed record Tag(string? Key, string? Value);

public sealed record TagSpecification(string? ResourceType, IReadOnlyList<Tag>? Tags);

public sealed record Filter(string? Name, IReadOnlyList<string>? Values);

public sealed record AttributeBooleanValue(bool? Value);

public sealed record AttributeValue(string? Value);

/// <summary>Every mutating EC2 action that carries DryRun: with <c>DryRun=true</c> AWS validates and answers DryRunOperation.</summary>
public interface IDryRunnable
{
    bool? DryRun { get; }
}

/// <summary>A Describe action's paging parameters.</summary>
public interface IPaged
{
    int? MaxResults { get; }
    string? NextToken { get; }
}

/// <summary>Actions that take TagSpecifications; the validator checks them the same way everywhere.</summary>
public interface ITagged
{
    IReadOnlyList<TagSpecification>? TagSpecifications { get; }
}
