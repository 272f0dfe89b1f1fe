using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Creates a target group: instances, IP addresses or an ALB in a VPC on a protocol and port, or a Lambda function
/// (no protocol, port or VPC). Health-check settings the request leaves out take AWS's defaults for the protocol.
/// Creating one again with the same settings answers the existing group, as AWS does.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html
/// </summary>
[AwsService("elbv2")]
public static class CreateTargetGroup
{
    public sealed record Command : ICommand<Result>, HealthCheckRules.IHealthCheck
    {
        public string? Name { get; init; }
        public string? Protocol { get; init; }
        public string? ProtocolVersion { get; init; }
        public int? Port { get; init; }
        public string? VpcId { get; init; }
        public string? HealthCheckProtocol { get; init; }
        public string? HealthCheckPort { get; init; }
        public bool? HealthCheckEnabled { get; init; }
        public string? HealthCheckPath { get; init; }
        public int? HealthCheckIntervalSeconds { get; init; }
        public int? HealthCheckTimeoutSeconds { get; init; }
        public int? HealthyThresholdCount { get; init; }
        public int? UnhealthyThresholdCount { get; init; }
        public Matcher? Matcher { get; init; }
        public string? TargetType { get; init; }
        public IReadOnlyList<ResourceTag>? Tags { get; init; }
        public string? IpAddressType { get; init; }
        public int? TargetControlPort { get; init; }

        public string TargetTypeOrDefault => TargetType ?? TargetGroups.Instance;

        /// <summary>Terraform sends an empty <c>ProtocolVersion</c> for "not set"; AWS takes it so.</summary>
        public string? ProtocolVersionOrNull => string.IsNullOrEmpty(ProtocolVersion) ? null : ProtocolVersion;
        public bool IsLambda => TargetTypeOrDefault == TargetGroups.Lambda;
    }

    public sealed record Result(IReadOnlyList<TargetGroup> TargetGroups);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name!).Must(n => CreateLoadBalancer.NamePattern().IsMatch(n)).When(c => c.Name is not null)
                .WithAwsError((_, n) => ElbErrors.Validation(
                    $"Target group name '{n}' must be at most 32 alphanumeric characters or hyphens and must not begin or end with a hyphen"));
            RuleFor(c => c.TargetType).Must(t => t is null || TargetGroups.TargetTypes.Contains(t))
                .WithAwsError((_, t) => ElbErrors.Validation($"Target type '{t}' is not valid"));
            RuleFor(c => c.Protocol).Must(p => p is null || TargetGroups.Protocols.Contains(p))
                .WithAwsError((_, p) => ElbErrors.Validation($"Protocol '{p}' is not valid"));
            RuleFor(c => c.Protocol).NotNull().When(c => !c.IsLambda).WithAwsError((_, _) => ElbErrors.Validation("A protocol must be specified"));
            RuleFor(c => c.Port).NotNull().When(c => !c.IsLambda).WithAwsError((_, _) => ElbErrors.Validation("A port must be specified"));
            RuleFor(c => c.VpcId).NotNull().When(c => !c.IsLambda).WithAwsError((_, _) => ElbErrors.Validation("A VPC ID must be specified"));
            RuleFor(c => c).Must(c => c.Protocol is null && c.Port is null && c.VpcId is null).When(c => c.IsLambda)
                .WithAwsError((_, _) => ElbErrors.Validation("Protocol, port and VPC ID cannot be specified for target groups with target type 'lambda'"));
            RuleFor(c => c.Port).InclusiveBetween(1, 65535).When(c => c.Port is not null)
                .WithAwsError((_, p) => ElbErrors.Validation($"Port '{p}' must be between 1 and 65535"));
            RuleFor(c => c.Protocol).Must(p => p is "TCP").When(c => c.TargetType == TargetGroups.Alb)
                .WithAwsError((_, _) => ElbErrors.Validation("Target groups with target type 'alb' must use the TCP protocol"));
            RuleFor(c => c.ProtocolVersionOrNull).Must(v => v is null or "HTTP1" or "HTTP2" or "GRPC")
                .WithAwsError((_, v) => ElbErrors.Validation($"Protocol version '{v}' is not valid"));
            RuleFor(c => c.ProtocolVersionOrNull).Null().When(c => c.Protocol is not ("HTTP" or "HTTPS"))
                .WithAwsError((_, _) => ElbErrors.Validation("A protocol version can be specified only for HTTP and HTTPS target groups"));
            RuleFor(c => c.IpAddressType).Must(t => t is null or "ipv4" or "ipv6")
                .WithAwsError((_, t) => ElbErrors.Validation($"IP address type '{t}' is not valid"));
            HealthCheckRules.Apply(this);
        }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network, IIdGenerator ids) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.Name!;
            if (command.VpcId is { } vpcId && await network.VpcAsync(vpcId, cancellationToken) is null) throw ElbErrors.VpcNotFound(vpcId);
            var id = LoadBalancers.NewHexId(ids);
            var group = TargetGroups.WithDefaults(new TargetGroupDocument
            {
                Protocol = command.Protocol, Port = command.Port, TargetType = command.TargetTypeOrDefault, VpcId = command.VpcId,
                ProtocolVersion = command.Protocol is "HTTP" or "HTTPS" ? command.ProtocolVersionOrNull ?? "HTTP1" : null,
                IpAddressType = command.IpAddressType ?? "ipv4", TargetGroupId = id,
                Attributes = TargetGroups.DefaultAttributes(command.Protocol, command.TargetTypeOrDefault),
                Tags = LoadBalancingTags.FromRequest(command.Tags),
            }, command);

            if (await store.FindAsync(LoadBalancers.Service, TargetGroups.Kind, name, cancellationToken) is { } existing)
            {
                var earlier = ServiceResourceStore.Read<TargetGroupDocument>(existing);
                var same = earlier.Protocol == group.Protocol && earlier.Port == group.Port && earlier.VpcId == group.VpcId && earlier.TargetType == group.TargetType;
                if (!same) throw ElbErrors.DuplicateTargetGroupName(name);
                var usedBy = await TargetGroups.LoadBalancersOfAsync(store, cancellationToken);
                return new Result([TargetGroups.ToShape(existing, earlier, usedBy[existing.Arn].ToList())]);
            }

            var row = store.Add(LoadBalancers.Service, TargetGroups.Kind, name, TargetGroups.Arn(store, name, id), group, vpcId: command.VpcId, state: "active");
            return new Result([TargetGroups.ToShape(row, group, [])]);
        }, cancellationToken);
    }
}
