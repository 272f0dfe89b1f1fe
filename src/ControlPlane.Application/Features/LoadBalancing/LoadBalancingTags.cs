using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// ELB v2 tags live in each resource's document (up to 50 per resource, keys unique and case-sensitive).
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddTags.html
/// </summary>
public static class LoadBalancingTags
{
    public const int PerResource = 50;

    /// <summary>The request's tags as documents; a repeated key is <c>DuplicateTagKeys</c>, more than 50 <c>TooManyTags</c>.</summary>
    public static List<TagDocument> FromRequest(IReadOnlyList<ResourceTag>? tags)
    {
        var documents = new List<TagDocument>();
        foreach (var tag in tags ?? [])
        {
            if (string.IsNullOrEmpty(tag.Key)) throw ElbErrors.Validation("A tag key must be specified");
            if (tag.Key.Length > 128 || tag.Value?.Length > 256) throw ElbErrors.Validation($"Tag '{tag.Key}' is too long");
            if (documents.Any(d => d.Key == tag.Key)) throw ElbErrors.DuplicateTagKeys(tag.Key);
            documents.Add(new TagDocument(tag.Key, tag.Value ?? ""));
        }
        if (documents.Count > PerResource) throw ElbErrors.TooManyTags();
        return documents;
    }

    /// <summary>The tags after adding (or overwriting) <paramref name="added"/>.</summary>
    public static List<TagDocument> Merge(IReadOnlyList<TagDocument> existing, IReadOnlyList<TagDocument> added)
    {
        var merged = existing.Where(t => added.All(a => a.Key != t.Key)).Concat(added).ToList();
        if (merged.Count > PerResource) throw ElbErrors.TooManyTags();
        return merged;
    }

    public static IReadOnlyList<ResourceTag> ToShape(IEnumerable<TagDocument> tags) => tags.Select(t => new ResourceTag(t.Key, t.Value ?? "")).ToList();

    /// <summary>A load balancer, target group or listener by ARN, missing ones answered with the error of their kind.</summary>
    public static async Task<ServiceResource> FindAsync(ServiceResourceStore store, string arn, CancellationToken cancellationToken)
    {
        var resource = arn.Split(':', 6) is { Length: 6 } parts && parts[2] == LoadBalancers.ArnService ? parts[5] : throw ElbErrors.ResourceArnNotValid(arn);
        var (kind, notFound) = resource.Split('/')[0] switch
        {
            "loadbalancer" => (LoadBalancers.Kind, ElbErrors.LoadBalancerNotFound(arn)),
            "targetgroup" => (TargetGroups.Kind, ElbErrors.TargetGroupNotFound(arn)),
            "listener" => (Listeners.Kind, ElbErrors.ListenerNotFound(arn)),
            _ => throw ElbErrors.ResourceArnNotValid(arn),
        };
        return await store.FindByArnAsync(arn, cancellationToken) is { Service: LoadBalancers.Service } row && row.Kind == kind ? row : throw notFound;
    }

    /// <summary>Reads and rewrites the tags of any ELB v2 resource's document.</summary>
    public static List<TagDocument> Read(ServiceResource row) => row.Kind switch
    {
        LoadBalancers.Kind => ServiceResourceStore.Read<LoadBalancerDocument>(row).Tags,
        TargetGroups.Kind => ServiceResourceStore.Read<TargetGroupDocument>(row).Tags,
        _ => ServiceResourceStore.Read<ListenerDocument>(row).Tags,
    };

    public static void Write(ServiceResource row, List<TagDocument> tags)
    {
        switch (row.Kind)
        {
            case LoadBalancers.Kind: ServiceResourceStore.Write(row, ServiceResourceStore.Read<LoadBalancerDocument>(row) with { Tags = tags }); break;
            case TargetGroups.Kind: ServiceResourceStore.Write(row, ServiceResourceStore.Read<TargetGroupDocument>(row) with { Tags = tags }); break;
            default: ServiceResourceStore.Write(row, ServiceResourceStore.Read<ListenerDocument>(row) with { Tags = tags }); break;
        }
    }
}
