using System.Text.Json;
using ControlPlane.Domain.Model;
using ControlPlane.Reachability.View;

namespace ControlPlane.Application.Reachability;

/// <summary>
/// Other services' resources as reachability owners, so a question can name a load balancer, database, cache, function,
/// task or cluster by ARN, name or id and is answered for its interfaces:
/// <list type="bullet">
/// <item>a resource owns the interfaces whose <see cref="NetworkInterface.ManagedByResourceId"/> is its ARN (its id in the view);</item>
/// <item>a Lambda function also owns the shared interfaces its document lists (<c>networkInterfaceIds</c>);</item>
/// <item>a parent (an Aurora/DocumentDB/Neptune cluster, a replication group, an ECS cluster or service) owns its members' interfaces.</item>
/// </list>
/// </summary>
public static class ServiceOwners
{
    /// <summary>Reachability Analyzer style type names, by (model, kind).</summary>
    private static readonly Dictionary<(string, string), string> Types = new()
    {
        [("elbv2", "loadbalancer")] = "load-balancer",
        [("elb", "loadbalancer")] = "classic-load-balancer",
        [("rds", "db")] = "db-instance",
        [("rds", "cluster")] = "db-cluster",
        [("redshift", "cluster")] = "redshift-cluster",
        [("elasticache", "cluster")] = "cache-cluster",
        [("elasticache", "replicationgroup")] = "replication-group",
        [("elasticache", "serverlesscache")] = "serverless-cache",
        [("lambda", "function")] = "lambda-function",
        [("ecs", "cluster")] = "ecs-cluster",
        [("ecs", "service")] = "ecs-service",
        [("ecs", "task")] = "ecs-task",
        [("eks", "cluster")] = "eks-cluster",
        [("mq", "broker")] = "mq-broker",
    };

    public static string TypeOf(string service, string kind) => Types.GetValueOrDefault((service, kind)) ?? $"{service}-{kind}";

    /// <param name="resources">The scope's service resources.</param>
    /// <param name="interfaces">Every interface of the scope: (id, owning ARN or null).</param>
    public static IEnumerable<OwnerView> Build(IReadOnlyList<ServiceResource> resources, IEnumerable<(string Id, string? OwnerArn)> interfaces)
    {
        var own = interfaces.Where(i => i.OwnerArn is not null).ToLookup(i => i.OwnerArn!, i => i.Id);
        var listed = resources.ToDictionary(r => r.Arn, r => (IReadOnlyList<string>)[.. own[r.Arn], .. ListedInterfaces(r)]);
        var children = resources.Where(r => r.ParentArn is not null).ToLookup(r => r.ParentArn!);
        var kinds = Types.Keys.ToHashSet();
        foreach (var resource in resources.Where(r => kinds.Contains((r.Service, r.Kind))))
        {
            var members = Members(resource, children).SelectMany(m => listed.GetValueOrDefault(m.Arn, []));
            var extra = ListedInterfaces(resource).Concat(members).Distinct(StringComparer.Ordinal).ToList();
            yield return new OwnerView(resource.Arn, TypeOf(resource.Service, resource.Kind), resource.Arn, resource.Name, resource.State)
            {
                InterfaceIds = extra,
                Aliases = resource.ResourceId is { } id ? [id] : [],
            };
        }
    }

    /// <summary>Members at any depth (a service's tasks, a cluster's instances), each once.</summary>
    private static IEnumerable<ServiceResource> Members(ServiceResource parent, ILookup<string, ServiceResource> children)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { parent.Arn };
        var pending = new Queue<ServiceResource>(children[parent.Arn]);
        while (pending.TryDequeue(out var child))
        {
            if (!seen.Add(child.Arn)) continue;
            yield return child;
            foreach (var grandchild in children[child.Arn]) pending.Enqueue(grandchild);
        }
    }

    /// <summary>Interfaces a document lists as its own although another owner may hold them (shared Lambda interfaces).</summary>
    private static IEnumerable<string> ListedInterfaces(ServiceResource resource)
    {
        if (!resource.Document.Contains("etworkInterfaceIds", StringComparison.Ordinal)) return [];
        using var document = JsonDocument.Parse(resource.Document);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.NameEquals("networkInterfaceIds") || property.NameEquals("NetworkInterfaceIds"))
                return property.Value.ValueKind == JsonValueKind.Array ? [.. property.Value.EnumerateArray().Select(e => e.GetString()).OfType<string>()] : [];
        }
        return [];
    }
}
