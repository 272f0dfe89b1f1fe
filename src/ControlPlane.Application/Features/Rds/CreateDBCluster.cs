using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Creates a DB cluster: Aurora (aurora-mysql, aurora-postgresql), DocumentDB (docdb) or Neptune (neptune), whose
/// instances are added with CreateDBInstance and which has no interface of its own; or a Multi-AZ DB cluster (mysql,
/// postgres, with DBClusterInstanceClass), which RDS creates with a writer and two reader instances in three zones,
/// each with its interface. The cluster's subnet group is the named one (else <c>default</c>), its security groups
/// the named ones (else the VPC's default group). Endpoints: <c>&lt;id&gt;.cluster-…</c> and the reader <c>&lt;id&gt;.cluster-ro-…</c>.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html
/// </summary>
[AwsService("rds")]
public static class CreateDBCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? DBClusterIdentifier { get; init; }
        public string? Engine { get; init; }
        public string? EngineVersion { get; init; }
        public string? EngineMode { get; init; }
        public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }
        public string? DBSubnetGroupName { get; init; }
        public int? Port { get; init; }
        public string? DBClusterInstanceClass { get; init; }
        public IReadOnlyList<string>? AvailabilityZones { get; init; }
        public string? MasterUsername { get; init; }
        public string? DatabaseName { get; init; }
        public int? AllocatedStorage { get; init; }
        public string? StorageType { get; init; }
        public bool? StorageEncrypted { get; init; }
        public string? KmsKeyId { get; init; }
        public int? BackupRetentionPeriod { get; init; }
        public string? PreferredBackupWindow { get; init; }
        public string? PreferredMaintenanceWindow { get; init; }
        public string? DBClusterParameterGroupName { get; init; }
        public bool? PubliclyAccessible { get; init; }
        public bool? CopyTagsToSnapshot { get; init; }
        public bool? DeletionProtection { get; init; }
        public bool? EnableIAMDatabaseAuthentication { get; init; }
        public IReadOnlyList<Tag>? Tags { get; init; }
    }

    public sealed record Result(DBClusterShape DBCluster);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DBClusterIdentifier).Must(RdsNames.IsValidIdentifier).WithAwsError((_, _) => RdsErrors.InvalidIdentifier("DBClusterIdentifier"));
            RuleFor(c => c.Engine).Must(e => RdsEngines.Find(e) is not null).WithAwsError((_, e) => RdsErrors.InvalidEngine(e ?? ""));
            RuleFor(c => c.Engine).Must(e => RdsEngines.IsClusterEngine(e!.ToLowerInvariant())).When(c => RdsEngines.Find(c.Engine) is not null)
                .WithAwsError((_, e) => RdsErrors.ClusterEngineInvalid(e!));
            RuleFor(c => c.DBClusterInstanceClass.Given()).NotEmpty().When(c => RdsEngines.IsMultiAzClusterEngine(c.Engine?.ToLowerInvariant() ?? ""))
                .WithAwsError((_, _) => RdsErrors.MultiAzClusterNeedsClass());
            RuleFor(c => c.Port).InclusiveBetween(1150, 65535).When(c => c.Port is not null)
                .WithAwsError((_, p) => RdsErrors.InvalidParameterValue($"Invalid port {p}: the port must be between 1150 and 65535."));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.DBClusterIdentifier!.ToLowerInvariant();
            var engine = RdsEngines.Find(command.Engine)!;
            if (await store.FindAsync(RdsNames.Service, RdsNames.ClusterKind, id, cancellationToken) is not null) throw RdsErrors.ClusterAlreadyExists();
            var group = await RdsSubnetGroups.RequireAsync(db, store, command.DBSubnetGroupName.Given(), cancellationToken);
            var groups = await RdsPlacement.GroupsAsync(network, command.VpcSecurityGroupIds, group.VpcId, cancellationToken);
            var zones = RdsSubnetGroups.Zones(group);
            var multiAz = RdsEngines.IsMultiAzClusterEngine(engine.Name);
            if (multiAz && zones.Count < 3) throw RdsErrors.NotEnoughAzs(zones);

            var arn = store.Arn(RdsNames.Service, $"{RdsNames.ClusterKind}:{id}");
            var document = new DbClusterDocument
            {
                Engine = engine.Name,
                EngineVersion = command.EngineVersion.Given() ?? engine.Version,
                EngineMode = engine.Name.StartsWith("aurora", StringComparison.Ordinal) ? command.EngineMode.Given() ?? "provisioned" : command.EngineMode.Given(),
                Port = command.Port ?? engine.Port,
                EndpointAddress = RdsNames.ClusterAddress(id, engine, store.AccountId, store.Region, reader: false),
                ReaderEndpointAddress = RdsNames.ClusterAddress(id, engine, store.AccountId, store.Region, reader: true),
                DbClusterResourceId = RdsNames.NewResourceId("cluster"),
                SecurityGroupIds = groups.Select(g => g.Id).ToList(),
                SubnetGroupName = group.Name,
                AvailabilityZones = zones.Take(3).ToList(),
                DBClusterInstanceClass = command.DBClusterInstanceClass.Given(),
                MasterUsername = command.MasterUsername.Given(),
                DatabaseName = command.DatabaseName.Given(),
                AllocatedStorage = command.AllocatedStorage,
                StorageType = command.StorageType.Given() ?? (multiAz ? "io1" : engine.Name.StartsWith("aurora", StringComparison.Ordinal) ? "aurora" : null),
                StorageEncrypted = command.StorageEncrypted ?? false,
                KmsKeyId = command.KmsKeyId.Given(),
                BackupRetentionPeriod = command.BackupRetentionPeriod ?? 1,
                PreferredBackupWindow = command.PreferredBackupWindow.Given() ?? "03:00-03:30",
                PreferredMaintenanceWindow = command.PreferredMaintenanceWindow.Given() ?? "sun:05:00-sun:05:30",
                DBClusterParameterGroupName = command.DBClusterParameterGroupName.Given(),
                PubliclyAccessible = multiAz ? command.PubliclyAccessible ?? false : null,
                CopyTagsToSnapshot = command.CopyTagsToSnapshot ?? false,
                DeletionProtection = command.DeletionProtection ?? false,
                IAMDatabaseAuthenticationEnabled = command.EnableIAMDatabaseAuthentication ?? false,
                Tags = command.Tags ?? [],
            };
            var row = store.Add(RdsNames.Service, RdsNames.ClusterKind, id, arn, document, vpcId: group.VpcId);

            var members = new List<Domain.Model.ServiceResource>();
            if (multiAz)
            {
                // A Multi-AZ DB cluster's writer and two readers, one per zone, named as the console names them.
                for (var i = 0; i < 3; i++)
                {
                    var memberId = $"{id}-instance-{i + 1}";
                    var memberArn = store.Arn(RdsNames.Service, $"{RdsNames.InstanceKind}:{memberId}");
                    var member = new DbInstanceDocument
                    {
                        Engine = engine.Name, EngineVersion = document.EngineVersion, DBInstanceClass = command.DBClusterInstanceClass.Given()!, Port = document.Port,
                        EndpointAddress = RdsNames.InstanceAddress(memberId, engine, store.AccountId, store.Region), DbiResourceId = RdsNames.NewResourceId("db"),
                        SecurityGroupIds = [], SubnetGroupName = group.Name, AvailabilityZone = zones[i], PubliclyAccessible = document.PubliclyAccessible ?? false,
                        DBClusterIdentifier = id, MasterUsername = document.MasterUsername, DBName = document.DatabaseName, AllocatedStorage = document.AllocatedStorage,
                        StorageType = document.StorageType, StorageEncrypted = document.StorageEncrypted, BackupRetentionPeriod = document.BackupRetentionPeriod,
                        PreferredBackupWindow = document.PreferredBackupWindow, PreferredMaintenanceWindow = document.PreferredMaintenanceWindow, PromotionTier = 1,
                    };
                    members.Add(store.Add(RdsNames.Service, RdsNames.InstanceKind, memberId, memberArn, member, vpcId: group.VpcId, parentArn: arn,
                        createdAt: store.Now.AddMilliseconds(i)));
                    await RdsPlacement.PlaceAsync(network, memberArn, group, groups, zones[i], null, member.PubliclyAccessible, cancellationToken);
                }
            }
            return new Result(RdsViews.Cluster(row, document, members, store.Region, "creating"));
        }, cancellationToken);
    }
}
