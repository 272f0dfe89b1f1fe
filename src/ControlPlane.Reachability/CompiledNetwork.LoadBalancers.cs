using System.Net;
using ControlPlane.Reachability.Analysis;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability;

public sealed partial class CompiledNetwork
{
    /// <summary>The load balancer a query's destination names (by ARN, name or alias), when it is one with listeners in the view.</summary>
    private LoadBalancerView? LoadBalancerOf(ReachabilityQuery query)
    {
        if (View.LoadBalancers.Count == 0 || query.Destination is not Endpoint.Resource resource || query.Protocol is not (6 or 17)) return null;
        if (!_index.Owners.TryGetValue(resource.IdArnOrName, out var owner)) return null;
        return View.LoadBalancers.FirstOrDefault(lb => lb.OwnerId == owner.Id);
    }

    /// <summary>
    /// README §8: client → load balancer → target. The first leg is the query to the load balancer's interfaces on the
    /// listener's port; the listener (same port and transport) forwards to its target groups' targets, and the second leg
    /// goes from the load balancer interface the first leg reached to each target on the target's port, until one is
    /// reachable. The answer joins both legs' components, with the listener between them.
    /// </summary>
    private PathAnalysis ThroughLoadBalancer(ReachabilityQuery query, LoadBalancerView loadBalancer)
    {
        var toBalancer = AnalyzeDirect(query);
        var owner = _index.Owners[loadBalancer.OwnerId];
        var balancerRef = new ComponentRef(owner.Type, owner.Id, owner.Arn, owner.Name);
        var transport = query.Protocol == 17 ? "udp" : "tcp";
        var listener = loadBalancer.Listeners.FirstOrDefault(l => (query.DestinationPort is null || l.Port == query.DestinationPort)
            && TransportOf(l.Protocol) == transport);
        if (listener is null)
        {
            return Blocked(toBalancer, new Explanation
            {
                Code = ExplanationCodes.ElbListenersMismatch,
                Component = balancerRef,
                Port = query.DestinationPort,
                Protocol = transport,
                Message = $"{owner.Name ?? owner.Id} has no {transport} listener on port {query.DestinationPort?.ToString() ?? "any"}.",
            });
        }
        var listenerRef = new ComponentRef("load-balancer-listener", listener.Id, listener.Id);
        if (!listener.ForwardsToTargetGroup)
        {
            return Blocked(toBalancer, new Explanation
            {
                Code = ExplanationCodes.Elbv2ListenerHasNoTargetGroup,
                Component = listenerRef,
                Port = listener.Port,
                Message = $"The listener on port {listener.Port} forwards to no target group.",
            });
        }
        if (!toBalancer.NetworkPathFound || toBalancer.DestinationInterfaceId is not { } balancerInterface) return toBalancer;
        if (listener.Targets.Count == 0)
        {
            return Blocked(toBalancer, Explain.NoPath($"The target groups of the listener on port {listener.Port} have no registered targets."));
        }

        PathAnalysis? first = null;
        LoadBalancerTargetView? firstTarget = null;
        foreach (var target in listener.Targets)
        {
            var toTarget = AnalyzeDirect(query with
            {
                Source = new Endpoint.Interface(balancerInterface),
                SourceAddress = null,
                Destination = TargetEndpoint(target.Target),
                DestinationAddress = null,
                DestinationPort = target.Port,
                SourcePorts = null,
                ClientProfile = ClientProfile.Linux,
            });
            if (toTarget.NetworkPathFound) return Join(toBalancer, listener, listenerRef, balancerRef, target, toTarget);
            if (first is null) (first, firstTarget) = (toTarget, target);
        }
        return Join(toBalancer, listener, listenerRef, balancerRef, firstTarget!, first!);
    }

    private static string TransportOf(string listenerProtocol) => listenerProtocol.ToUpperInvariant() is "UDP" or "TCP_UDP" ? "udp" : "tcp";

    private static Endpoint TargetEndpoint(string target) =>
        IPAddress.TryParse(target, out var address) ? new Endpoint.Address(address)
        : target.StartsWith("eni-", StringComparison.Ordinal) ? new Endpoint.Interface(target)
        : new Endpoint.Resource(target);

    private static PathAnalysis Blocked(PathAnalysis toBalancer, Explanation explanation) => toBalancer with
    {
        ForwardPathFound = false,
        Explanations = [.. toBalancer.Explanations, explanation],
    };

    private static PathAnalysis Join(PathAnalysis toBalancer, ListenerView listenerView, ComponentRef listener, ComponentRef balancer, LoadBalancerTargetView target, PathAnalysis toTarget)
    {
        var forward = new List<PathComponent>(toBalancer.ForwardPath);
        forward.Add(new PathComponent { SequenceNumber = forward.Count + 1, Component = listener, AttachedTo = balancer });
        forward.Add(new PathComponent
        {
            SequenceNumber = forward.Count + 1,
            Component = new ComponentRef("load-balancer-target-group", target.TargetGroupId, target.TargetGroupId),
            AttachedTo = balancer,
        });
        var offset = forward.Count;
        forward.AddRange(toTarget.ForwardPath.Select(c => c with { SequenceNumber = offset + c.SequenceNumber }));
        var back = new List<PathComponent>(toTarget.ReturnPath);
        var backOffset = back.Count;
        back.AddRange(toBalancer.ReturnPath.Select(c => c with { SequenceNumber = backOffset + c.SequenceNumber }));
        return toBalancer with
        {
            ForwardPathFound = toBalancer.ForwardPathFound && toTarget.ForwardPathFound,
            ReturnPathFound = toBalancer.ReturnPathFound && toTarget.ReturnPathFound,
            ForwardPath = forward,
            ReturnPath = back,
            Explanations = [.. toBalancer.Explanations, .. toTarget.Explanations],
            DestinationInterfaceId = toTarget.DestinationInterfaceId,
            Notes =
            [
                .. toBalancer.Notes.Where(n => !n.Contains("is not modelled", StringComparison.Ordinal)),
                $"The {listenerView.Protocol} listener on port {listenerView.Port} forwards to {target.Target} on port {target.Port} ({target.TargetGroupId}); the second leg starts at the load balancer's interface {toBalancer.DestinationInterfaceId}.",
                .. toTarget.Notes,
            ],
        };
    }
}
