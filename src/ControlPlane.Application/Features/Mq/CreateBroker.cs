using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Mq;

/// <summary>
/// Creates an ActiveMQ or RabbitMQ broker with one network interface per instance: one subnet for SINGLE_INSTANCE, two
/// (in two zones) for ACTIVE_STANDBY_MULTI_AZ (ActiveMQ), and for a RabbitMQ CLUSTER_MULTI_AZ the subnets given (none
/// named = the default VPC's default subnets, as AWS does). Security groups must be of the subnets' VPC (none = its
/// default group). The answer is the new id <c>b-&lt;uuid&gt;</c> and ARN; DescribeBroker shows <c>RUNNING</c> at once.
/// Users are kept without their passwords; configurations, LDAP and cross-region data replication are not supported.
/// https://docs.aws.amazon.com/amazon-mq/latest/api-reference/brokers.html#brokerspost
/// </summary>
[AwsService("mq")]
public static class CreateBroker
{
    public sealed record Command : ICommand<Result>
    {
        public string? AuthenticationStrategy { get; init; }
        public bool? AutoMinorVersionUpgrade { get; init; }
        public string? BrokerName { get; init; }
        public object? Configuration { get; init; }
        public string? CreatorRequestId { get; init; }
        public string? DataReplicationMode { get; init; }
        public string? DataReplicationPrimaryBrokerArn { get; init; }
        public string? DeploymentMode { get; init; }
        public EncryptionOptionsShape? EncryptionOptions { get; init; }
        public string? EngineType { get; init; }
        public string? EngineVersion { get; init; }
        public string? HostInstanceType { get; init; }
        public object? LdapServerMetadata { get; init; }
        public WeeklyStartTimeShape? MaintenanceWindowStartTime { get; init; }
        public bool? PubliclyAccessible { get; init; }
        public IReadOnlyList<string>? SecurityGroups { get; init; }
        public string? StorageType { get; init; }
        public IReadOnlyList<string>? SubnetIds { get; init; }
        public IReadOnlyDictionary<string, string>? Tags { get; init; }
        public IReadOnlyList<UserShape>? Users { get; init; }

        public string Engine => (EngineType ?? "").ToUpperInvariant();
        public string Mode => (DeploymentMode ?? "").ToUpperInvariant();
    }

    public sealed record Result(string BrokerArn, string BrokerId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BrokerName).Must(n => n is { Length: > 0 and <= 50 } && n.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
                .WithAwsError((_, n) => MqErrors.BadRequest("brokerName", $"Broker name [{n}] is invalid. It must be 1-50 characters: letters, digits, hyphens and underscores."));
            RuleFor(c => c.Engine).Must(e => e is Brokers.ActiveMq or Brokers.RabbitMq)
                .WithAwsError((c, _) => MqErrors.BadRequest("engineType", $"Engine type [{c.EngineType}] is invalid. Valid values: ACTIVEMQ, RABBITMQ."));
            RuleFor(c => c.Mode).Must(m => m is Brokers.SingleInstance or Brokers.ActiveStandby or Brokers.Cluster)
                .WithAwsError((c, _) => MqErrors.BadRequest("deploymentMode", $"Deployment mode [{c.DeploymentMode}] is invalid. Valid values: SINGLE_INSTANCE, ACTIVE_STANDBY_MULTI_AZ, CLUSTER_MULTI_AZ."));
            RuleFor(c => c.Mode).Must((c, m) => m != Brokers.ActiveStandby || c.Engine == Brokers.ActiveMq)
                .WithAwsError((_, _) => MqErrors.BadRequest("deploymentMode", "ACTIVE_STANDBY_MULTI_AZ is supported for ActiveMQ brokers only."));
            RuleFor(c => c.Mode).Must((c, m) => m != Brokers.Cluster || c.Engine == Brokers.RabbitMq)
                .WithAwsError((_, _) => MqErrors.BadRequest("deploymentMode", "CLUSTER_MULTI_AZ is supported for RabbitMQ brokers only."));
            RuleFor(c => c.SubnetIds).Must((c, ids) => ids is not { Count: > 0 } || c.Mode == Brokers.Cluster || ids.Count == Brokers.SubnetCount(c.Mode))
                .WithAwsError((c, _) => MqErrors.BadRequest("subnetIds",
                    $"A broker with deployment mode [{c.Mode}] needs exactly {Brokers.SubnetCount(c.Mode)} subnet{(Brokers.SubnetCount(c.Mode) == 1 ? "" : "s")}."));
            RuleFor(c => c.SecurityGroups).Must(g => g is null || g.Count <= 5)
                .WithAwsError((_, _) => MqErrors.BadRequest("securityGroups", "A broker can have at most 5 security groups."));
            RuleFor(c => c.Users).Must(u => u is { Count: > 0 }).When(c => c.Engine == Brokers.ActiveMq)
                .WithAwsError((_, _) => MqErrors.BadRequest("users", "An ActiveMQ broker needs at least one user."));
            RuleFor(c => c.Users).Must(u => u is { Count: 1 }).When(c => c.Engine == Brokers.RabbitMq)
                .WithAwsError((_, _) => MqErrors.BadRequest("users", "A RabbitMQ broker needs exactly one user."));
            RuleForEach(c => c.Users).Must(u => u.Username is { Length: >= 2 and <= 100 } name && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '_' or '~'))
                .WithAwsError((_, u) => MqErrors.BadRequest("users", $"Username [{u.Username}] is invalid. It must be 2-100 characters: letters, digits, '-', '.', '_' and '~'."));
            RuleForEach(c => c.Users).Must(u => u.Password is { Length: >= 12 and <= 250 } p && p.Distinct().Count() >= 4 && !p.Any(ch => ch is ',' or ':' or '='))
                .WithAwsError((_, u) => MqErrors.BadRequest("users",
                    $"The password of user [{u.Username}] is invalid. It must be 12-250 characters with at least 4 unique characters, and must not contain commas, colons or equal signs."));
        }
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly Brokers _brokers = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.BrokerName!;
            if (await store.FindAsync(Brokers.Service, Brokers.Kind, name, cancellationToken) is not null) throw MqErrors.BrokerNameExists(name);
            var subnets = await _brokers.SubnetsAsync(command.SubnetIds, command.Mode, cancellationToken);
            if (command.Mode == Brokers.ActiveStandby && subnets.Select(s => s.AvailabilityZone).Distinct().Count() < 2)
                throw MqErrors.BadRequest("subnetIds", "The two subnets of an ACTIVE_STANDBY_MULTI_AZ broker must be in different Availability Zones.");
            var vpcId = subnets[0].VpcId;
            var groups = await _brokers.GroupsAsync(command.SecurityGroups, vpcId, cancellationToken);
            var brokerId = $"b-{Guid.NewGuid():D}";
            var arn = _brokers.Arn(name, brokerId);
            foreach (var subnet in subnets) await _brokers.AddInterfaceAsync(arn, brokerId, subnet, groups, cancellationToken);
            var rabbit = command.Engine == Brokers.RabbitMq;
            var document = new BrokerDocument
            {
                EngineType = command.Engine, EngineVersion = command.EngineVersion ?? (rabbit ? "3.13" : "5.18"), DeploymentMode = command.Mode,
                HostInstanceType = command.HostInstanceType!, PubliclyAccessible = command.PubliclyAccessible ?? false,
                SubnetIds = subnets.Select(s => s.Id).ToList(), SecurityGroups = groups.Select(g => g.Id).ToList(),
                Users = command.Users?.Select(u => u.Username!).ToList() ?? [], AutoMinorVersionUpgrade = command.AutoMinorVersionUpgrade ?? true,
                AuthenticationStrategy = command.AuthenticationStrategy ?? "SIMPLE", StorageType = command.StorageType ?? (rabbit ? "EBS" : "EFS"),
                MaintenanceWindowStartTime = command.MaintenanceWindowStartTime ?? new WeeklyStartTimeShape("SUNDAY", "02:00", "UTC"),
                Tags = command.Tags ?? new Dictionary<string, string>(),
            };
            store.Add(Brokers.Service, Brokers.Kind, name, arn, document, vpcId: vpcId, state: Brokers.Running, resourceId: brokerId);
            return new Result(arn, brokerId);
        }, cancellationToken);
    }
}
