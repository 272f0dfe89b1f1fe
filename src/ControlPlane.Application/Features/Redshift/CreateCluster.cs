using ControlPlane.Application.Features.Rds;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// Creates a provisioned cluster in a cluster subnet group (the default VPC's default subnets when none is named) with
/// VPC security groups of that VPC (the VPC's default group when none is named), and its leader node's interface
/// (<see cref="RedshiftViews"/>), public when PubliclyAccessible (address owned by <c>amazon-redshift</c>). ClusterType
/// defaults to multi-node with two or more nodes, single-node otherwise. The answer shows <c>creating</c>; describe answers
/// <c>available</c>. https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateCluster.html
/// </summary>
[AwsService("redshift")]
public static class CreateCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? ClusterIdentifier { get; init; }
        public string? NodeType { get; init; }
        public string? ClusterType { get; init; }
        public int? NumberOfNodes { get; init; }
        public string? ClusterSubnetGroupName { get; init; }
        public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }
        public string? AvailabilityZone { get; init; }
        public int? Port { get; init; }
        public bool? PubliclyAccessible { get; init; }
        public string? MasterUsername { get; init; }
        public string? DBName { get; init; }
        public bool? Encrypted { get; init; }
        public string? KmsKeyId { get; init; }
        public bool? EnhancedVpcRouting { get; init; }
        public int? AutomatedSnapshotRetentionPeriod { get; init; }
        public string? PreferredMaintenanceWindow { get; init; }
        public string? ClusterParameterGroupName { get; init; }
        public string? ClusterVersion { get; init; }
        public bool? AllowVersionUpgrade { get; init; }
        public IReadOnlyList<Tag>? Tags { get; init; }

        public string Type => ClusterType ?? (NumberOfNodes is > 1 ? "multi-node" : "single-node");
    }

    public sealed record Result(ClusterShape Cluster);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ClusterIdentifier).Must(RdsNames.IsValidIdentifier).WithAwsError((_, _) => RedshiftErrors.InvalidIdentifier("ClusterIdentifier"));
            RuleFor(c => c.Type).Must(t => t is "single-node" or "multi-node").WithAwsError((_, t) => RedshiftErrors.InvalidClusterType(t));
            RuleFor(c => c.NumberOfNodes).Must(n => n is >= 2).When(c => c.Type == "multi-node").WithAwsError((_, _) => RedshiftErrors.MultiNodeCount());
            RuleFor(c => c.NumberOfNodes).Must(n => n is null or 1).When(c => c.Type == "single-node").WithAwsError((_, _) => RedshiftErrors.SingleNodeCount());
            RuleFor(c => c.Port).InclusiveBetween(1115, 65535).When(c => c.Port is not null)
                .WithAwsError((_, p) => RedshiftErrors.InvalidParameterValue($"Invalid port {p}: the port must be between 1115 and 65535."));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.ClusterIdentifier!.ToLowerInvariant();
            if (await store.FindAsync(RedshiftViews.Service, RedshiftViews.ClusterKind, id, cancellationToken) is not null) throw RedshiftErrors.ClusterAlreadyExists();
            var groupName = command.ClusterSubnetGroupName ?? RedshiftViews.DefaultSubnetGroup;
            var group = await RedshiftViews.FindGroupAsync(db, store, groupName, cancellationToken) ?? throw RedshiftErrors.SubnetGroupNotFound(groupName);
            var groups = await RedshiftViews.GroupsAsync(network, command.VpcSecurityGroupIds, group.VpcId, cancellationToken);
            var subnet = RedshiftViews.Placement(group, command.AvailabilityZone);

            var arn = store.Arn(RedshiftViews.Service, $"cluster:{id}");
            var document = new RedshiftClusterDocument
            {
                NodeType = command.NodeType!,
                ClusterType = command.Type,
                NumberOfNodes = command.NumberOfNodes ?? 1,
                Port = command.Port ?? RedshiftViews.DefaultPort,
                EndpointAddress = RedshiftViews.Address(id, store.AccountId, store.Region),
                SecurityGroupIds = groups.Select(g => g.Id).ToList(),
                SubnetGroupName = group.Name,
                AvailabilityZone = subnet.AvailabilityZone,
                PubliclyAccessible = command.PubliclyAccessible ?? false,
                MasterUsername = command.MasterUsername,
                DBName = command.DBName,
                Encrypted = command.Encrypted ?? false,
                KmsKeyId = command.KmsKeyId,
                EnhancedVpcRouting = command.EnhancedVpcRouting ?? false,
                AutomatedSnapshotRetentionPeriod = command.AutomatedSnapshotRetentionPeriod ?? 1,
                PreferredMaintenanceWindow = command.PreferredMaintenanceWindow ?? "sun:05:00-sun:05:30",
                ClusterParameterGroupName = command.ClusterParameterGroupName,
                ClusterVersion = command.ClusterVersion,
                AllowVersionUpgrade = command.AllowVersionUpgrade ?? true,
                NamespaceId = Guid.NewGuid().ToString(),
                Tags = command.Tags ?? [],
            };
            var row = store.Add(RedshiftViews.Service, RedshiftViews.ClusterKind, id, arn, document, vpcId: group.VpcId);
            var eni = await network.AddInterfaceAsync(arn, RedshiftViews.Spec(arn), subnet, groups, cancellationToken);
            if (document.PubliclyAccessible) await network.AssignPublicIpAsync(eni, RedshiftViews.RequesterId, cancellationToken);
            return new Result(RedshiftViews.Cluster(row, document, [eni], store.Region, "creating"));
        }, cancellationToken);
    }
}
