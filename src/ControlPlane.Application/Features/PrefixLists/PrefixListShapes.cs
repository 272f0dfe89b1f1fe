using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.PrefixLists;

/// <summary>The prefix list shapes of the EC2 model, named and shaped as the model names them (DESIGN.md §3).</summary>
public static class PrefixListShapes
{
    public sealed record AddPrefixListEntry(string? Cidr, string? Description = null);

    public sealed record RemovePrefixListEntry(string? Cidr);

    public sealed record PrefixListEntry(string Cidr, string? Description);

    public sealed record ManagedPrefixList(
        string PrefixListId,
        string AddressFamily,
        string State,
        string? StateMessage,
        string PrefixListArn,
        string PrefixListName,
        int MaxEntries,
        long Version,
        IReadOnlyList<Tag> Tags,
        string OwnerId);

    /// <summary>The legacy DescribePrefixLists shape: an AWS-managed list as a name and its CIDRs.</summary>
    public sealed record PrefixList(string PrefixListId, string PrefixListName, IReadOnlyList<string> Cidrs);
}
