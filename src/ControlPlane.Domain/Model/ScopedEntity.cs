namespace ControlPlane.Domain.Model;

/// <summary>Every resource belongs to one (account, region); the store never lets a request see another scope's rows.</summary>
public abstract class ScopedEntity
{
    public required string AccountId { get; init; }
    public required string Region { get; init; }
}

/// <summary>A resource with an AWS id (<c>vpc-…</c>, <c>sg-…</c>).</summary>
public abstract class Resource : ScopedEntity
{
    public required string Id { get; init; }
}

/// <summary>One row per (account, region): its state version is bumped by every change, which also serialises writers.</summary>
public sealed class ScopeState : ScopedEntity
{
    public long Version { get; set; }
}

/// <summary>A tag on any resource (tags are keyed by resource id, as DescribeTags shows them).</summary>
public sealed class Tag : ScopedEntity
{
    public required string ResourceId { get; init; }
    public required string ResourceType { get; init; }
    public required string Key { get; init; }
    public string Value { get; set; } = "";
}
