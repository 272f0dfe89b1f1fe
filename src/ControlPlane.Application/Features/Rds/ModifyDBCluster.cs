using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Changes a DB cluster's settings at once: VpcSecurityGroupIds (groups of the cluster's VPC) replaces the groups of
/// every member instance's interfaces; Port moves the cluster and its members to the new port. Other settings
/// (backups, windows, protection, version) are recorded as given.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBCluster.html
/// </summary>
[AwsService("rds")]
public static class ModifyDBCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? DBClusterIdentifier { get; init; }
        public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }
        public int? Port { get; init; }
        public bool? ApplyImmediately { get; init; }
        public string? NewDBClusterIdentifier { get; init; }
        public string? EngineVersion { get; init; }
        public int? BackupRetentionPeriod { get; init; }
        public string? PreferredBackupWindow { get; init; }
        public string? PreferredMaintenanceWindow { get; init; }
        public string? DBClusterParameterGroupName { get; init; }
        public bool? CopyTagsToSnapshot { get; init; }
        public bool? DeletionProtection { get; init; }
        public bool? EnableIAMDatabaseAuthentication { get; init; }
    }

    public sealed record Result(DBClusterShape DBCluster);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewDBClusterIdentifier.Given()).Null().WithAwsError((_, _) => RdsErrors.RenameNotSupported());
            RuleFor(c => c.Port).InclusiveBetween(1150, 65535).When(c => c.Port is not null)
                .WithAwsError((_, p) => RdsErrors.InvalidParameterValue($"Invalid port {p}: the port must be between 1150 and 65535."));
        }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.DBClusterIdentifier!;
            var row = await store.FindAsync(RdsNames.Service, RdsNames.ClusterKind, id.ToLowerInvariant(), cancellationToken)
                ?? throw RdsErrors.ClusterNotFound(id);
            var document = ServiceResourceStore.Read<DbClusterDocument>(row);
            var members = await store.ChildrenAsync(row.Arn, cancellationToken);
            if (command.VpcSecurityGroupIds is { Count: > 0 } groupIds)
            {
                var groups = await RdsPlacement.GroupsAsync(network, groupIds, row.VpcId!, cancellationToken);
                foreach (var member in members) await network.SetGroupsAsync(member.Arn, groups, cancellationToken);
                document = document with { SecurityGroupIds = groups.Select(g => g.Id).ToList() };
            }
            if (command.Port is { } port)
            {
                foreach (var member in members)
                    ServiceResourceStore.Write(member, ServiceResourceStore.Read<DbInstanceDocument>(member) with { Port = port });
            }
            document = document with
            {
                Port = command.Port ?? document.Port,
                EngineVersion = command.EngineVersion.Given() ?? document.EngineVersion,
                BackupRetentionPeriod = command.BackupRetentionPeriod ?? document.BackupRetentionPeriod,
                PreferredBackupWindow = command.PreferredBackupWindow.Given() ?? document.PreferredBackupWindow,
                PreferredMaintenanceWindow = command.PreferredMaintenanceWindow.Given() ?? document.PreferredMaintenanceWindow,
                DBClusterParameterGroupName = command.DBClusterParameterGroupName.Given() ?? document.DBClusterParameterGroupName,
                CopyTagsToSnapshot = command.CopyTagsToSnapshot ?? document.CopyTagsToSnapshot,
                DeletionProtection = command.DeletionProtection ?? document.DeletionProtection,
                IAMDatabaseAuthenticationEnabled = command.EnableIAMDatabaseAuthentication ?? document.IAMDatabaseAuthenticationEnabled,
            };
            ServiceResourceStore.Write(row, document);
            return new Result(RdsViews.Cluster(row, document, members, store.Region, RdsViews.Available));
        }, cancellationToken);
    }
}
