namespace ControlPlane.Domain.Model;

/// <summary>
/// A customer-managed prefix list (<c>pl-…</c>): a named set of CIDR blocks of one address family, versioned on
/// every change. AWS-managed lists of the region are not stored; they are a catalogue.
/// https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html
/// </summary>
public sealed class ManagedPrefixList : Resource
{
    public required string PrefixListName { get; set; }
    public required string AddressFamily { get; init; }
    public required int MaxEntries { get; set; }
    public long Version { get; set; } = 1;
    public string State { get; set; } = "create-complete";
    public List<ManagedPrefixListEntry> Entries { get; init; } = [];
}

/// <summary>One CIDR of a prefix list at the versions it was part of (<see cref="FromVersion"/> inclusive, <see cref="ToVersion"/> exclusive, null while current).</summary>
public sealed class ManagedPrefixListEntry
{
    public long Id { get; init; }
    public required string PrefixListId { get; init; }
    public required string Cidr { get; init; }
    public string? Description { get; init; }
    public required long FromVersion { get; init; }
    public long? ToVersion { get; set; }
}
