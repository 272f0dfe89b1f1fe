using ControlPlane.Domain.Ids;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Domain.Model;
using Tag = ControlPlane.Application.Shapes.Tag;

namespace ControlPlane.Application.Features.PrefixLists;

/// <summary>How prefix lists read on the wire, customer-managed and AWS-managed alike, and their filter tables.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeManagedPrefixLists.html</summary>
public static class PrefixListViews
{
    /// <summary>The resource type of customer-managed lists in TagSpecifications and DescribeTags.</summary>
    public const string ResourceType = "prefix-list";

    /// <summary>Ids are <c>pl-</c> and 17 hex digits (AWS's own lists keep the older 8-digit form).</summary>
    public const string IdPrefix = ResourceIds.PrefixList;

    public const string Ipv4 = "IPv4";
    public const string Ipv6 = "IPv6";

    /// <summary>Creation and changes take effect at once; the actions answer the in-progress state AWS answers.</summary>
    public const string CreateInProgress = "create-in-progress";
    public const string CreateComplete = "create-complete";
    public const string ModifyInProgress = "modify-in-progress";
    public const string ModifyComplete = "modify-complete";
    public const string DeleteInProgress = "delete-in-progress";

    public static PrefixListShapes.ManagedPrefixList ToShape(ManagedPrefixList list, RequestContext request, IReadOnlyList<Tag> tags, string? state = null) =>
        new(list.Id, list.AddressFamily, state ?? list.State, null, request.Arn(ResourceType, list.Id), list.PrefixListName,
            list.MaxEntries, list.Version, tags, list.AccountId);

    public static PrefixListShapes.ManagedPrefixList ToShape(AwsManagedPrefixList list, string region) =>
        new(list.Id, AwsManagedPrefixList.AddressFamily, CreateComplete, null, list.Arn(region), list.Name,
            list.MaxEntries, AwsManagedPrefixList.Version, [], AwsManagedPrefixList.OwnerId);

    public static readonly FilterTable<PrefixListShapes.ManagedPrefixList> ManagedFilters = new(new Dictionary<string, Func<PrefixListShapes.ManagedPrefixList, IEnumerable<string?>>>
    {
        ["owner-id"] = l => FilterValues.One(l.OwnerId),
        ["prefix-list-id"] = l => FilterValues.One(l.PrefixListId),
        ["prefix-list-name"] = l => FilterValues.One(l.PrefixListName),
    }, l => l.Tags);

    /// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribePrefixLists.html</summary>
    public static readonly FilterTable<PrefixListShapes.PrefixList> LegacyFilters = new(new Dictionary<string, Func<PrefixListShapes.PrefixList, IEnumerable<string?>>>
    {
        ["prefix-list-id"] = l => FilterValues.One(l.PrefixListId),
        ["prefix-list-name"] = l => FilterValues.One(l.PrefixListName),
    }, null);
}
