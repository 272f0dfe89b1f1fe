using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Changes a DB instance's network settings, applied at once whatever ApplyImmediately says (security group changes
/// are immediate in AWS too): VpcSecurityGroupIds replaces the groups of its interfaces (a cluster member's groups are
/// its cluster's: <c>InvalidParameterCombination</c>); DBSubnetGroupName moves its interfaces into the new group (another
/// VPC as well, where it takes that VPC's default group unless groups are named); PubliclyAccessible adds or removes the
/// public addresses; MultiAZ adds or removes the standby's interface; DBPortNumber changes the port. Other settings
/// (class, storage, windows, protection) are recorded as given.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html
/// </summary>
[AwsService("rds")]
public static class ModifyDBInstance
{
    public sealed record Command : ICommand<Result>
    {
        public string? DBInstanceIdentifier { get; init; }
        public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }
        public string? DBSubnetGroupName { get; init; }
        public bool? PubliclyAccessible { get; init; }
        public bool? MultiAZ { get; init; }
        public int? DBPortNumber { get; init; }
        public bool? ApplyImmediately { get; init; }
        public string? NewDBInstanceIdentifier { get; init; }
        public string? DBInstanceClass { get; init; }
        public int? AllocatedStorage { get; init; }
        public string? StorageType { get; init; }
        public string? EngineVersion { get; init; }
        public int? BackupRetentionPeriod { get; init; }
        public string? PreferredBackupWindow { get; init; }
        public string? PreferredMaintenanceWindow { get; init; }
        public string? DBParameterGroupName { get; init; }
        public string? OptionGroupName { get; init; }
        public string? CACertificateIdentifier { get; init; }
        public bool? AutoMinorVersionUpgrade { get; init; }
        public bool? CopyTagsToSnapshot { get; init; }
        public bool? DeletionProtection { get; init; }
        public bool? EnableIAMDatabaseAuthentication { get; init; }
        public int? PromotionTier { get; init; }
    }

    public sealed record Result(DBInstanceShape DBInstance);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewDBInstanceIdentifier.Given()).Null().WithAwsError((_, _) => RdsErrors.RenameNotSupported());
            RuleFor(c => c.DBPortNumber).InclusiveBetween(1150, 65535).When(c => c.DBPortNumber is not null)
                .WithAwsError((_, p) => RdsErrors.InvalidParameterValue($"Invalid port {p}: the port must be between 1150 and 65535."));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.DBInstanceIdentifier!;
            var row = await store.FindAsync(RdsNames.Service, RdsNames.InstanceKind, id.ToLowerInvariant(), cancellationToken)
                ?? throw RdsErrors.InstanceNotFound(id);
            var document = ServiceResourceStore.Read<DbInstanceDocument>(row);
            var member = document.DBClusterIdentifier is not null;
            if (member && command.VpcSecurityGroupIds is { Count: > 0 }) throw RdsErrors.ClusterMemberGroups();
            var movesGroup = command.DBSubnetGroupName.Given() is { } newGroup && !string.Equals(newGroup, document.SubnetGroupName, StringComparison.OrdinalIgnoreCase);
            if (member && movesGroup) throw RdsErrors.ClusterMemberSubnetGroup();

            var group = await RdsSubnetGroups.RequireAsync(db, store, movesGroup ? command.DBSubnetGroupName : document.SubnetGroupName, cancellationToken);
            var changesGroups = command.VpcSecurityGroupIds is { Count: > 0 } || (movesGroup && group.VpcId != row.VpcId);
            var groupIds = command.VpcSecurityGroupIds is { Count: > 0 } ids ? ids : changesGroups ? null : document.SecurityGroupIds;
            var groups = member
                ? await RdsPlacement.GroupsAsync(network, ServiceResourceStore.Read<DbClusterDocument>(
                    (await store.FindByArnAsync(row.ParentArn!, cancellationToken))!).SecurityGroupIds, group.VpcId, cancellationToken)
                : await RdsPlacement.GroupsAsync(network, groupIds, group.VpcId, cancellationToken);

            var multiAz = member ? false : command.MultiAZ ?? document.MultiAZ;
            var publiclyAccessible = command.PubliclyAccessible ?? document.PubliclyAccessible;
            var zone = document.AvailabilityZone;
            var secondary = document.SecondaryAvailabilityZone;
            if (movesGroup || multiAz != document.MultiAZ)
            {
                // The instance is placed again: in the new group (keeping its zone where the group has it), with or without a standby.
                var keepZone = RdsSubnetGroups.Zones(group).Contains(zone) ? zone : null;
                (zone, secondary) = RdsPlacement.Zones(group, keepZone, multiAz);
                await network.RemoveInterfacesAsync(row.Arn, cancellationToken);
                await RdsPlacement.PlaceAsync(network, row.Arn, group, groups, zone, secondary, publiclyAccessible, cancellationToken);
            }
            else
            {
                if (changesGroups) await network.SetGroupsAsync(row.Arn, groups, cancellationToken);
                if (publiclyAccessible != document.PubliclyAccessible) await RdsPlacement.SetPublicAsync(network, row.Arn, publiclyAccessible, cancellationToken);
            }

            document = document with
            {
                SecurityGroupIds = member ? [] : groups.Select(g => g.Id).ToList(),
                SubnetGroupName = group.Name,
                AvailabilityZone = zone,
                SecondaryAvailabilityZone = secondary,
                MultiAZ = multiAz,
                PubliclyAccessible = publiclyAccessible,
                Port = command.DBPortNumber ?? document.Port,
                DBInstanceClass = command.DBInstanceClass ?? document.DBInstanceClass,
                AllocatedStorage = command.AllocatedStorage ?? document.AllocatedStorage,
                StorageType = command.StorageType.Given() ?? document.StorageType,
                EngineVersion = command.EngineVersion.Given() ?? document.EngineVersion,
                BackupRetentionPeriod = command.BackupRetentionPeriod ?? document.BackupRetentionPeriod,
                PreferredBackupWindow = command.PreferredBackupWindow.Given() ?? document.PreferredBackupWindow,
                PreferredMaintenanceWindow = command.PreferredMaintenanceWindow.Given() ?? document.PreferredMaintenanceWindow,
                DBParameterGroupName = command.DBParameterGroupName.Given() ?? document.DBParameterGroupName,
                OptionGroupName = command.OptionGroupName.Given() ?? document.OptionGroupName,
                CACertificateIdentifier = command.CACertificateIdentifier.Given() ?? document.CACertificateIdentifier,
                AutoMinorVersionUpgrade = command.AutoMinorVersionUpgrade ?? document.AutoMinorVersionUpgrade,
                CopyTagsToSnapshot = command.CopyTagsToSnapshot ?? document.CopyTagsToSnapshot,
                DeletionProtection = command.DeletionProtection ?? document.DeletionProtection,
                IAMDatabaseAuthenticationEnabled = command.EnableIAMDatabaseAuthentication ?? document.IAMDatabaseAuthenticationEnabled,
                PromotionTier = member ? command.PromotionTier ?? document.PromotionTier : null,
            };
            ServiceResourceStore.Write(row, document);
            row.VpcId = group.VpcId;
            return new Result(RdsViews.Instance(row, document, group, groups.Select(g => g.Id).ToList(), store.Region, RdsViews.Available));
        }, cancellationToken);
    }
}
