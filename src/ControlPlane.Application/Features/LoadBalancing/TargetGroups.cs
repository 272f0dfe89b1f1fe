using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Target groups: their ARNs, the health-check defaults AWS gives each protocol, their attributes and their shape.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html
/// </summary>
public static class TargetGroups
{
    public const string Kind = "targetgroup";

    public const string Instance = "instance";
    public const string Ip = "ip";
    public const string Lambda = "lambda";
    public const string Alb = "alb";

    public static readonly string[] ApplicationProtocols = ["HTTP", "HTTPS"];
    public static readonly string[] NetworkProtocols = ["TCP", "TLS", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC"];
    public static readonly string[] Protocols = [.. ApplicationProtocols, .. NetworkProtocols, "GENEVE"];
    public static readonly string[] TargetTypes = [Instance, Ip, Lambda, Alb];

    public static string Arn(ServiceResourceStore store, string name, string id) => store.Arn(LoadBalancers.ArnService, $"targetgroup/{name}/{id}");

    public static async Task<ServiceResource> FindAsync(ServiceResourceStore store, string arn, CancellationToken cancellationToken) =>
        await store.FindByArnAsync(arn, cancellationToken) is { Service: LoadBalancers.Service, Kind: Kind } row ? row : throw ElbErrors.TargetGroupNotFound(arn);

    /// <summary>
    /// A new group's health check where the request leaves it out: HTTP(S) groups check <c>/</c> every 30 s for
    /// <c>200</c>; TCP-family groups check TCP with a 10 s timeout; GENEVE groups TCP port 80 every 10 s; Lambda groups
    /// have health checks off.
    /// </summary>
    public static TargetGroupDocument WithDefaults(TargetGroupDocument group, CreateTargetGroup.Command command)
    {
        var lambda = group.TargetType == Lambda;
        var http = lambda || group.Protocol is "HTTP" or "HTTPS";
        var geneve = group.Protocol == "GENEVE";
        var healthProtocol = command.HealthCheckProtocol ?? (lambda ? null : http ? group.Protocol : "TCP");
        var healthHttp = lambda || healthProtocol is "HTTP" or "HTTPS";
        return group with
        {
            HealthCheckEnabled = command.HealthCheckEnabled ?? !lambda,
            HealthCheckProtocol = healthProtocol,
            HealthCheckPort = command.HealthCheckPort ?? (lambda ? null : geneve ? "80" : "traffic-port"),
            HealthCheckPath = command.HealthCheckPath ?? (healthHttp ? "/" : null),
            HealthCheckIntervalSeconds = command.HealthCheckIntervalSeconds ?? (lambda ? 35 : geneve ? 10 : 30),
            HealthCheckTimeoutSeconds = command.HealthCheckTimeoutSeconds ?? (lambda ? 30 : http ? 5 : geneve ? 5 : 10),
            HealthyThresholdCount = command.HealthyThresholdCount ?? 5,
            UnhealthyThresholdCount = command.UnhealthyThresholdCount ?? 2,
            MatcherHttpCode = command.Matcher?.HttpCode ?? (healthHttp && group.ProtocolVersion is not "GRPC" ? "200" : null),
            MatcherGrpcCode = command.Matcher?.GrpcCode ?? (group.ProtocolVersion == "GRPC" ? "12" : null),
        };
    }

    /// <summary>
    /// The attributes DescribeTargetGroupAttributes answers for a new group of this protocol and target type.
    /// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroupAttribute.html
    /// </summary>
    public static Dictionary<string, string> DefaultAttributes(string? protocol, string targetType)
    {
        var attributes = new Dictionary<string, string>
        {
            ["stickiness.enabled"] = "false",
            ["load_balancing.cross_zone.enabled"] = "use_load_balancer_configuration",
            ["target_group_health.dns_failover.minimum_healthy_targets.count"] = "1",
            ["target_group_health.dns_failover.minimum_healthy_targets.percentage"] = "off",
            ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.count"] = "1",
            ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage"] = "off",
        };
        if (targetType == Lambda)
        {
            return new() { ["lambda.multi_value_headers.enabled"] = "false" };
        }
        if (protocol is "HTTP" or "HTTPS")
        {
            attributes["deregistration_delay.timeout_seconds"] = "300";
            attributes["stickiness.type"] = "lb_cookie";
            attributes["stickiness.lb_cookie.duration_seconds"] = "86400";
            attributes["stickiness.app_cookie.cookie_name"] = "";
            attributes["stickiness.app_cookie.duration_seconds"] = "86400";
            attributes["slow_start.duration_seconds"] = "0";
            attributes["load_balancing.algorithm.type"] = "round_robin";
            attributes["load_balancing.algorithm.anomaly_mitigation"] = "off";
        }
        else if (protocol == "GENEVE")
        {
            attributes["deregistration_delay.timeout_seconds"] = "300";
            attributes["stickiness.type"] = "source_ip_dest_ip_proto";
            attributes["target_failover.on_deregistration"] = "no_rebalance";
            attributes["target_failover.on_unhealthy"] = "no_rebalance";
        }
        else
        {
            attributes["deregistration_delay.timeout_seconds"] = "300";
            attributes["deregistration_delay.connection_termination.enabled"] = "false";
            attributes["preserve_client_ip.enabled"] = targetType == Instance || protocol is "UDP" or "TCP_UDP" ? "true" : "false";
            attributes["proxy_protocol_v2.enabled"] = "false";
            attributes["stickiness.type"] = "source_ip";
            attributes["target_health_state.unhealthy.connection_termination.enabled"] = "true";
            attributes["target_health_state.unhealthy.draining_interval_seconds"] = "0";
        }
        return attributes;
    }

    public static TargetGroup ToShape(ServiceResource row, TargetGroupDocument group, IReadOnlyList<string> loadBalancerArns) =>
        new(row.Arn, row.Name, group.Protocol, group.Port, group.VpcId, group.HealthCheckProtocol, group.HealthCheckPort, group.HealthCheckEnabled,
            group.HealthCheckIntervalSeconds, group.HealthCheckTimeoutSeconds, group.HealthyThresholdCount, group.UnhealthyThresholdCount,
            group.HealthCheckPath, group.MatcherHttpCode is null && group.MatcherGrpcCode is null ? null : new Matcher(group.MatcherHttpCode, group.MatcherGrpcCode),
            loadBalancerArns, group.TargetType, group.ProtocolVersion, group.TargetType == Lambda ? null : group.IpAddressType);

    /// <summary>For every target group, the load balancers whose listeners forward to it.</summary>
    public static async Task<ILookup<string, string>> LoadBalancersOfAsync(ServiceResourceStore store, CancellationToken cancellationToken)
    {
        var listeners = await store.ListAsync(LoadBalancers.Service, Listeners.Kind, cancellationToken);
        return listeners
            .SelectMany(l => ServiceResourceStore.Read<ListenerDocument>(l).DefaultActions.SelectMany(a => a.TargetGroupArns()).Select(tg => (tg, lb: l.ParentArn!)))
            .Distinct()
            .ToLookup(p => p.tg, p => p.lb);
    }
}
