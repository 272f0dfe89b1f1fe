using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Mq;

/// <summary>
/// Changes a broker. <c>SecurityGroups</c> (groups of the broker's VPC, at most 5) move every one of its interfaces at
/// once, as AWS applies security group changes without a reboot; engine version, instance type, maintenance window and
/// minor-version upgrades are kept and shown at once (AWS applies them at the next reboot). Configurations and LDAP are
/// not supported.
/// https://docs.aws.amazon.com/amazon-mq/latest/api-reference/brokers-broker-id.html#brokers-broker-id-put
/// </summary>
[AwsService("mq")]
public static class UpdateBroker
{
    public sealed record Command : ICommand<Result>
    {
        public string? BrokerId { get; init; }
        public string? AuthenticationStrategy { get; init; }
        public bool? AutoMinorVersionUpgrade { get; init; }
        public object? Configuration { get; init; }
        public string? DataReplicationMode { get; init; }
        public string? EngineVersion { get; init; }
        public string? HostInstanceType { get; init; }
        public object? LdapServerMetadata { get; init; }
        public object? Logs { get; init; }
        public WeeklyStartTimeShape? MaintenanceWindowStartTime { get; init; }
        public IReadOnlyList<string>? SecurityGroups { get; init; }
    }

    public sealed record Result(string AuthenticationStrategy, bool AutoMinorVersionUpgrade, string BrokerId, string EngineVersion, string HostInstanceType,
        WeeklyStartTimeShape? MaintenanceWindowStartTime, IReadOnlyList<string> SecurityGroups, string DataReplicationMode);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.SecurityGroups).Must(g => g is null || g.Count <= 5)
                .WithAwsError((_, _) => MqErrors.BadRequest("securityGroups", "A broker can have at most 5 security groups."));
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly Brokers _brokers = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await _brokers.FindAsync(command.BrokerId!, cancellationToken);
            var doc = ServiceResourceStore.Read<BrokerDocument>(row);
            if (command.SecurityGroups is { Count: > 0 } ids)
            {
                var groups = await _brokers.GroupsAsync(ids, row.VpcId!, cancellationToken);
                await network.SetGroupsAsync(row.Arn, groups, cancellationToken);
                doc = doc with { SecurityGroups = groups.Select(g => g.Id).ToList() };
            }
            doc = doc with
            {
                AuthenticationStrategy = command.AuthenticationStrategy ?? doc.AuthenticationStrategy,
                AutoMinorVersionUpgrade = command.AutoMinorVersionUpgrade ?? doc.AutoMinorVersionUpgrade,
                EngineVersion = command.EngineVersion ?? doc.EngineVersion,
                HostInstanceType = command.HostInstanceType ?? doc.HostInstanceType,
                MaintenanceWindowStartTime = command.MaintenanceWindowStartTime ?? doc.MaintenanceWindowStartTime,
            };
            ServiceResourceStore.Write(row, doc);
            return new Result(doc.AuthenticationStrategy, doc.AutoMinorVersionUpgrade, row.ResourceId!, doc.EngineVersion, doc.HostInstanceType,
                doc.MaintenanceWindowStartTime, doc.SecurityGroups, "NONE");
        }, cancellationToken);
    }
}
