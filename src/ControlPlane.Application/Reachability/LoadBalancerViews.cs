using System.Text.Json;
using ControlPlane.Domain.Model;
using ControlPlane.Reachability.View;

namespace ControlPlane.Application.Reachability;

/// <summary>
/// Load balancers' listeners and targets for the evaluator (README §8 of the reachability library), read from the ELB
/// documents: ELB v2 <c>listener</c> rows (parent = the load balancer) with their forward actions' target groups and
/// those groups' registered targets (a target without a port uses its group's); Classic Load Balancers' own listeners
/// forwarding to their registered instances on the instance port.
/// </summary>
public static class LoadBalancerViews
{
    public static IReadOnlyList<LoadBalancerView> Build(IReadOnlyList<ServiceResource> resources)
    {
        var result = new List<LoadBalancerView>();
        var targetGroups = resources.Where(r => r is { Service: "elbv2", Kind: "targetgroup" }).ToDictionary(r => r.Arn, StringComparer.Ordinal);
        var listeners = resources.Where(r => r is { Service: "elbv2", Kind: "listener" } && r.ParentArn is not null).ToLookup(r => r.ParentArn!);
        foreach (var balancer in resources.Where(r => r is { Service: "elbv2", Kind: "loadbalancer" }))
        {
            var views = listeners[balancer.Arn].Select(l => Listener(l, targetGroups)).OfType<ListenerView>().ToList();
            if (views.Count > 0) result.Add(new LoadBalancerView(balancer.Arn, views));
        }
        foreach (var classic in resources.Where(r => r is { Service: "elb", Kind: "loadbalancer" }))
        {
            if (Classic(classic) is { Count: > 0 } views) result.Add(new LoadBalancerView(classic.Arn, views));
        }
        return result;
    }

    private static ListenerView? Listener(ServiceResource listener, IReadOnlyDictionary<string, ServiceResource> targetGroups)
    {
        using var document = JsonDocument.Parse(listener.Document);
        var root = document.RootElement;
        if (Int(root, "port") is not { } port) return null;
        var groups = new List<string>();
        foreach (var action in Array(root, "defaultActions"))
        {
            if (!string.Equals(Text(action, "type"), "forward", StringComparison.OrdinalIgnoreCase)) continue;
            if (Text(action, "targetGroupArn") is { } arn) groups.Add(arn);
            groups.AddRange(Array(action, "forwardTargetGroupArns").Select(a => a.GetString()).OfType<string>());
            if (Member(action, "forwardConfig") is { } forward)
                groups.AddRange(Array(forward, "targetGroups").Select(g => Text(g, "targetGroupArn")).OfType<string>());
        }
        var targets = new List<LoadBalancerTargetView>();
        foreach (var arn in groups.Distinct(StringComparer.Ordinal))
        {
            if (!targetGroups.TryGetValue(arn, out var group)) continue;
            using var groupDocument = JsonDocument.Parse(group.Document);
            var groupPort = Int(groupDocument.RootElement, "port");
            foreach (var target in Array(groupDocument.RootElement, "targets"))
            {
                if (Text(target, "id") is { } id && (Int(target, "port") ?? groupPort) is { } targetPort)
                    targets.Add(new LoadBalancerTargetView(arn, id, targetPort));
            }
        }
        return new ListenerView(listener.Arn, port, Text(root, "protocol") ?? "TCP", groups.Count > 0, targets);
    }

    private static List<ListenerView> Classic(ServiceResource balancer)
    {
        using var document = JsonDocument.Parse(balancer.Document);
        var root = document.RootElement;
        var instances = Array(root, "instances")
            .Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : Text(i, "instanceId")).OfType<string>().ToList();
        var views = new List<ListenerView>();
        foreach (var listener in Array(root, "listeners"))
        {
            if (Int(listener, "loadBalancerPort") is not { } port || Int(listener, "instancePort") is not { } instancePort) continue;
            views.Add(new ListenerView($"{balancer.Arn}/listener/{port}", port, Text(listener, "protocol") ?? "TCP", true,
                [.. instances.Select(i => new LoadBalancerTargetView(balancer.Arn, i, instancePort))]));
        }
        return views;
    }

    private static JsonElement? Member(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null) return property.Value;
        }
        return null;
    }

    private static string? Text(JsonElement element, string name) => Member(element, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static int? Int(JsonElement element, string name) => Member(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt32(out var n) => n,
        { ValueKind: JsonValueKind.String } v when int.TryParse(v.GetString(), out var n) => n,
        _ => null,
    };

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Array } v ? v.EnumerateArray().ToList() : [];
}
