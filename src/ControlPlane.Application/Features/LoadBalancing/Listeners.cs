using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Listeners: which protocols each load balancer type takes, how their default actions are checked and stored, and
/// their shape. Forward (to one group or a weighted ForwardConfig), redirect and fixed-response actions are supported.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html
/// </summary>
public static class Listeners
{
    public const string Kind = "listener";
    public const string DefaultSslPolicy = "ELBSecurityPolicy-2016-08";

    public static string Arn(ServiceResourceStore store, ServiceResource loadBalancer, string id)
    {
        var document = ServiceResourceStore.Read<LoadBalancerDocument>(loadBalancer);
        return store.Arn(LoadBalancers.ArnService, $"listener/{LoadBalancers.TypeSegment(document.Type)}/{loadBalancer.Name}/{document.LoadBalancerId}/{id}");
    }

    public static async Task<ServiceResource> FindAsync(ServiceResourceStore store, string arn, CancellationToken cancellationToken) =>
        await store.FindByArnAsync(arn, cancellationToken) is { Service: LoadBalancers.Service, Kind: Kind } row ? row : throw ElbErrors.ListenerNotFound(arn);

    /// <summary>The protocols a listener of the load balancer type may use: HTTP(S) on an ALB, TCP-family on an NLB, none on a GWLB.</summary>
    public static void CheckProtocol(string type, string? protocol, int? port)
    {
        if (type == LoadBalancers.Gateway)
        {
            if (protocol is not null || port is not null) throw ElbErrors.Validation("Protocol and port must not be specified for listeners of a Gateway Load Balancer");
            return;
        }
        if (port is null) throw ElbErrors.Validation("A listener port must be specified");
        if (protocol is null) throw ElbErrors.Validation("A listener protocol must be specified");
        var allowed = type == LoadBalancers.Application ? TargetGroups.ApplicationProtocols : TargetGroups.NetworkProtocols;
        if (!allowed.Contains(protocol)) throw ElbErrors.UnsupportedProtocol(protocol);
    }

    /// <summary>
    /// Checks the actions against the load balancer and its groups and turns them into documents. A group must exist,
    /// be in the load balancer's VPC, speak a protocol the listener can forward to, and serve no other load balancer.
    /// </summary>
    public static async Task<List<ActionDocument>> ToDocumentsAsync(ServiceResourceStore store, ServiceResource loadBalancer, string? listenerProtocol,
        IReadOnlyList<ListenerAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count == 0) throw ElbErrors.Validation("A listener must have at least one default action");
        var balancer = ServiceResourceStore.Read<LoadBalancerDocument>(loadBalancer);
        var usedBy = await TargetGroups.LoadBalancersOfAsync(store, cancellationToken);
        var documents = new List<ActionDocument>();
        foreach (var action in actions)
        {
            switch (action.Type)
            {
                case "forward":
                    var tuples = action.ForwardConfig?.TargetGroups ?? [];
                    if (action.TargetGroupArn is null && tuples.Count == 0) throw ElbErrors.Validation("A target group ARN must be specified for a forward action");
                    if (action.TargetGroupArn is not null && tuples.Count > 0 && (tuples.Count > 1 || tuples[0].TargetGroupArn != action.TargetGroupArn))
                    {
                        throw ElbErrors.Validation("You cannot specify both a target group ARN and a forward config with a different target group");
                    }
                    var arns = tuples.Count > 0 ? tuples.Select(t => t.TargetGroupArn ?? throw ElbErrors.Validation("A target group ARN must be specified")).ToList() : [action.TargetGroupArn!];
                    foreach (var arn in arns)
                    {
                        var group = ServiceResourceStore.Read<TargetGroupDocument>(await TargetGroups.FindAsync(store, arn, cancellationToken));
                        CheckTarget(arn, group, balancer, loadBalancer, listenerProtocol);
                        if (usedBy[arn].Any(lb => lb != loadBalancer.Arn))
                        {
                            throw ElbErrors.TargetGroupAssociationLimit(arn);
                        }
                    }
                    documents.Add(new ActionDocument
                    {
                        Type = "forward", Order = action.Order,
                        TargetGroupArn = arns.Count == 1 ? arns[0] : null,
                        ForwardTargetGroupArns = arns,
                        ForwardWeights = tuples.Count > 0 ? tuples.Select(t => t.Weight).ToList() : null,
                        StickinessEnabled = action.ForwardConfig?.TargetGroupStickinessConfig?.Enabled,
                        StickinessDurationSeconds = action.ForwardConfig?.TargetGroupStickinessConfig?.DurationSeconds,
                    });
                    break;
                case "redirect" when balancer.Type == LoadBalancers.Application:
                    var redirect = action.RedirectConfig ?? throw ElbErrors.Validation("A redirect config must be specified for a redirect action");
                    if (redirect.StatusCode is not ("HTTP_301" or "HTTP_302")) throw ElbErrors.Validation("The redirect status code must be HTTP_301 or HTTP_302");
                    documents.Add(new ActionDocument { Type = "redirect", Order = action.Order, Redirect = redirect });
                    break;
                case "fixed-response" when balancer.Type == LoadBalancers.Application:
                    var fixedResponse = action.FixedResponseConfig ?? throw ElbErrors.Validation("A fixed response config must be specified for a fixed-response action");
                    if (fixedResponse.StatusCode is null) throw ElbErrors.Validation("A status code must be specified for a fixed-response action");
                    documents.Add(new ActionDocument { Type = "fixed-response", Order = action.Order, FixedResponse = fixedResponse });
                    break;
                case null:
                    throw ElbErrors.Validation("An action type must be specified");
                default:
                    throw ElbErrors.InvalidAction($"Action type '{action.Type}' is not supported by ControlPlane for a load balancer of type '{balancer.Type}'");
            }
        }
        return documents;
    }

    private static void CheckTarget(string arn, TargetGroupDocument group, LoadBalancerDocument balancer, ServiceResource loadBalancer, string? listenerProtocol)
    {
        if (group.TargetType != TargetGroups.Lambda && group.VpcId != loadBalancer.VpcId) throw ElbErrors.TargetGroupOtherVpc(arn);
        var compatible = balancer.Type switch
        {
            LoadBalancers.Application => group.TargetType == TargetGroups.Lambda || group.Protocol is "HTTP" or "HTTPS",
            LoadBalancers.Gateway => group.Protocol == "GENEVE",
            _ => group.TargetType != TargetGroups.Lambda && (group.Protocol == listenerProtocol
                || (group.Protocol == "TCP_UDP" && listenerProtocol is "TCP" or "UDP" or "TCP_UDP")
                || (group.Protocol == "TCP" && listenerProtocol == "TLS")),
        };
        if (!compatible) throw ElbErrors.IncompatibleTargetGroup(arn, listenerProtocol ?? "GENEVE");
    }

    /// <summary>
    /// A stored action as AWS shows it: a forward action to one group names it in <c>TargetGroupArn</c> and again in
    /// <c>ForwardConfig</c> with weight 1 and stickiness off.
    /// </summary>
    public static ListenerAction ToShape(ActionDocument action) => action.Type switch
    {
        "forward" => new ListenerAction
        {
            Type = "forward", Order = action.Order, TargetGroupArn = action.TargetGroupArn,
            ForwardConfig = new ForwardActionConfig(
                (action.ForwardTargetGroupArns ?? [action.TargetGroupArn!]).Select((arn, i) => new TargetGroupTuple(arn, action.ForwardWeights?.ElementAtOrDefault(i) ?? 1)).ToList(),
                new TargetGroupStickinessConfig(action.StickinessEnabled ?? false, action.StickinessEnabled == true ? action.StickinessDurationSeconds : null)),
        },
        "redirect" => new ListenerAction
        {
            Type = "redirect", Order = action.Order,
            RedirectConfig = action.Redirect! with
            {
                Protocol = action.Redirect.Protocol ?? "#{protocol}", Port = action.Redirect.Port ?? "#{port}", Host = action.Redirect.Host ?? "#{host}",
                Path = action.Redirect.Path ?? "/#{path}", Query = action.Redirect.Query ?? "#{query}",
            },
        },
        _ => new ListenerAction { Type = action.Type, Order = action.Order, FixedResponseConfig = action.FixedResponse },
    };

    public static Listener ToShape(ServiceResource row, ListenerDocument listener)
    {
        var secure = listener.Protocol is "HTTPS" or "TLS";
        return new Listener(row.Arn, row.ParentArn!, listener.Port, listener.Protocol,
            secure ? listener.CertificateArns.Select(c => new Certificate(c, null)).ToList() : null, secure ? listener.SslPolicy : null,
            listener.DefaultActions.Select(ToShape).ToList(), listener.AlpnPolicy);
    }

    /// <summary>
    /// The attributes of a new listener: HTTP(S) listeners send the <c>Server</c> header, TCP listeners time idle flows
    /// out after 350 s. https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ListenerAttribute.html
    /// </summary>
    public static Dictionary<string, string> DefaultAttributes(string? protocol) => protocol switch
    {
        "HTTP" or "HTTPS" => new() { ["routing.http.response.server.enabled"] = "true" },
        "TCP" => new() { ["tcp.idle_timeout.seconds"] = "350" },
        _ => [],
    };
}
