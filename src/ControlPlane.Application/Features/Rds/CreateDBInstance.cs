using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Creates a DB instance: in a DB subnet group (the default VPC's <c>default</c> group when none is named) with VPC
/// security groups of that VPC (the VPC's default group when none is named), or as a member of a DB cluster (Aurora,
/// DocumentDB, Neptune), whose subnet group and security groups it takes. Its interfaces (<see cref="RdsPlacement"/>)
/// appear in EC2 at once. The answer shows <c>creating</c>; describe answers show <c>available</c>.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
/// </summary>
[AwsService("rds")]
public static class CreateDBInstance
{
    public sealed record Command : ICommand<Result>
    {
        public string? DBInstanceIdentifier { get; init; }
        public string? DBInstanceClass { get; init; }
        public string? Engine { get; init; }
        public string? EngineVersion { get; init; }
        public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }
        public string? DBSubnetGroupName { get; init; }
        public string? AvailabilityZone { get; init; }
        public bool? MultiAZ { get; init; }
        public bool? PubliclyAccessible { get; init; }
        public int? Port { get; init; }
        public string? DBClusterIdentifier { get; init; }
        public string? MasterUsername { get; init; }
        public string? DBName { get; init; }
        public int? AllocatedStorage { get; init; }
        public string? StorageType { get; init; }
        public bool? StorageEncrypted { get; init; }
        public string? KmsKeyId { get; init; }
        public int? BackupRetentionPeriod { get; init; }
        public string? PreferredBackupWindow { get; init; }
        public string? PreferredMaintenanceWindow { get; init; }
        public string? DBParameterGroupName { get; init; }
        public string? OptionGroupName { get; init; }
        public string? LicenseModel { get; init; }
        public string? CACertificateIdentifier { get; init; }
        public bool? AutoMinorVersionUpgrade { get; init; }
        public bool? CopyTagsToSnapshot { get; init; }
        public bool? DeletionProtection { get; init; }
        public bool? EnableIAMDatabaseAuthentication { get; init; }
        public int? PromotionTier { get; init; }
        public IReadOnlyList<Tag>? Tags { get; init; }
    }

    public sealed record Result(DBInstanceShape DBInstance);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DBInstanceIdentifier).Must(RdsNames.IsValidIdentifier).WithAwsError((_, _) => RdsErrors.InvalidIdentifier("DBInstanceIdentifier"));
            RuleFor(c => c.Engine).Must(e => RdsEngines.Find(e) is not null).WithAwsError((_, e) => RdsErrors.InvalidEngine(e ?? ""));
            RuleFor(c => c.DBClusterIdentifier).Must(RdsNames.IsValidIdentifier).When(c => c.DBClusterIdentifier.Given() is not null)
                .WithAwsError((_, _) => RdsErrors.InvalidIdentifier("DBClusterIdentifier"));
            RuleFor(c => c.AvailabilityZone.Given()).Null().When(c => c.MultiAZ == true).WithAwsError((_, _) => RdsErrors.AvailabilityZoneWithMultiAz());
            RuleFor(c => c.Port).InclusiveBetween(1150, 65535).When(c => c.Port is not null)
                .WithAwsError((_, p) => RdsErrors.InvalidParameterValue($"Invalid port {p}: the port must be between 1150 and 65535."));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.DBInstanceIdentifier!.ToLowerInvariant();
            var engine = RdsEngines.Find(command.Engine)!;
            if (await store.FindAsync(RdsNames.Service, RdsNames.InstanceKind, id, cancellationToken) is not null) throw RdsErrors.InstanceAlreadyExists();

            DbClusterDocument? cluster = null;
            string? clusterArn = null;
            var spread = 0;
            if (command.DBClusterIdentifier.Given() is { } clusterId)
            {
                var clusterRow = await store.FindAsync(RdsNames.Service, RdsNames.ClusterKind, clusterId.ToLowerInvariant(), cancellationToken)
                    ?? throw RdsErrors.ClusterNotFound(clusterId);
                cluster = ServiceResourceStore.Read<DbClusterDocument>(clusterRow);
                if (cluster.Engine != engine.Name) throw RdsErrors.EngineDiffersFromCluster(engine.Name, cluster.Engine);
                if (RdsEngines.IsMultiAzClusterEngine(cluster.Engine)) throw RdsErrors.MultiAzClusterMember();
                if (command.VpcSecurityGroupIds is { Count: > 0 }) throw RdsErrors.ClusterMemberGroups();
                clusterArn = clusterRow.Arn;
                spread = (await store.ChildrenAsync(clusterArn, cancellationToken)).Count;
            }
            else if (engine.ClusterOnly)
            {
                throw RdsErrors.EngineNeedsCluster(engine.Name);
            }

            var group = await RdsSubnetGroups.RequireAsync(db, store, cluster?.SubnetGroupName ?? command.DBSubnetGroupName.Given(), cancellationToken);
            var groups = await RdsPlacement.GroupsAsync(network, cluster?.SecurityGroupIds ?? command.VpcSecurityGroupIds, group.VpcId, cancellationToken);
            var multiAz = cluster is null && command.MultiAZ == true;
            var (zone, secondary) = RdsPlacement.Zones(group, command.AvailabilityZone.Given(), multiAz, spread);
            var arn = store.Arn(RdsNames.Service, $"{RdsNames.InstanceKind}:{id}");
            var document = new DbInstanceDocument
            {
                Engine = engine.Name,
                EngineVersion = command.EngineVersion.Given() ?? cluster?.EngineVersion ?? engine.Version,
                DBInstanceClass = command.DBInstanceClass!,
                Port = cluster?.Port ?? command.Port ?? engine.Port,
                EndpointAddress = RdsNames.InstanceAddress(id, engine, store.AccountId, store.Region),
                DbiResourceId = RdsNames.NewResourceId("db"),
                SecurityGroupIds = cluster is null ? groups.Select(g => g.Id).ToList() : [],
                SubnetGroupName = group.Name,
                AvailabilityZone = zone,
                SecondaryAvailabilityZone = secondary,
                PubliclyAccessible = command.PubliclyAccessible ?? false,
                MultiAZ = multiAz,
                DBClusterIdentifier = command.DBClusterIdentifier.Given()?.ToLowerInvariant(),
                MasterUsername = cluster?.MasterUsername ?? command.MasterUsername.Given(),
                DBName = cluster?.DatabaseName ?? command.DBName.Given(),
                AllocatedStorage = engine.ClusterOnly ? 1 : command.AllocatedStorage ?? 20,
                StorageType = engine.ClusterOnly ? "aurora" : command.StorageType.Given() ?? "gp2",
                StorageEncrypted = cluster?.StorageEncrypted ?? command.StorageEncrypted ?? false,
                KmsKeyId = cluster?.KmsKeyId ?? command.KmsKeyId.Given(),
                BackupRetentionPeriod = cluster?.BackupRetentionPeriod ?? command.BackupRetentionPeriod ?? 1,
                PreferredBackupWindow = cluster?.PreferredBackupWindow ?? command.PreferredBackupWindow.Given() ?? "03:00-03:30",
                PreferredMaintenanceWindow = command.PreferredMaintenanceWindow.Given() ?? "sun:05:00-sun:05:30",
                DBParameterGroupName = command.DBParameterGroupName.Given(),
                OptionGroupName = command.OptionGroupName.Given(),
                LicenseModel = command.LicenseModel.Given(),
                CACertificateIdentifier = command.CACertificateIdentifier.Given(),
                AutoMinorVersionUpgrade = command.AutoMinorVersionUpgrade ?? true,
                CopyTagsToSnapshot = command.CopyTagsToSnapshot ?? false,
                DeletionProtection = command.DeletionProtection ?? false,
                IAMDatabaseAuthenticationEnabled = command.EnableIAMDatabaseAuthentication ?? false,
                PromotionTier = cluster is null ? null : command.PromotionTier ?? 1,
                Tags = command.Tags ?? [],
            };
            var row = store.Add(RdsNames.Service, RdsNames.InstanceKind, id, arn, document, vpcId: group.VpcId, parentArn: clusterArn);
            await RdsPlacement.PlaceAsync(network, arn, group, groups, zone, secondary, document.PubliclyAccessible, cancellationToken);
            return new Result(RdsViews.Instance(row, document, group, groups.Select(g => g.Id).ToList(), store.Region, "creating"));
        }, cancellationToken);
    }
}
