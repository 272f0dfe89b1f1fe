using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// Changes a cluster at once: VpcSecurityGroupIds (groups of the cluster's VPC) replaces the groups of its interface;
/// PubliclyAccessible adds or removes its public address; node type, count and type, port and windows are recorded.
/// https://docs.aws.amazon.com/redshift/latest/APIReference/API_ModifyCluster.html
/// </summary>
[AwsService("redshift")]
public static class ModifyCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? ClusterIdentifier { get; init; }
        public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }
        public bool? PubliclyAccessible { get; init; }
        public string? NewClusterIdentifier { get; init; }
        public string? NodeType { get; init; }
        public int? NumberOfNodes { get; init; }
        public string? ClusterType { get; init; }
        public int? Port { get; init; }
        public int? AutomatedSnapshotRetentionPeriod { get; init; }
        public string? PreferredMaintenanceWindow { get; init; }
        public string? ClusterParameterGroupName { get; init; }
        public bool? EnhancedVpcRouting { get; init; }
        public bool? AllowVersionUpgrade { get; init; }
    }

    public sealed record Result(ClusterShape Cluster);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewClusterIdentifier).Null().WithAwsError((_, _) => RedshiftErrors.RenameNotSupported());
            RuleFor(c => c.ClusterType).Must(t => t is null or "single-node" or "multi-node").WithAwsError((_, t) => RedshiftErrors.InvalidClusterType(t!));
        }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.ClusterIdentifier!;
            var row = await store.FindAsync(RedshiftViews.Service, RedshiftViews.ClusterKind, id.ToLowerInvariant(), cancellationToken)
                ?? throw RedshiftErrors.ClusterNotFound(id);
            var document = ServiceResourceStore.Read<RedshiftClusterDocument>(row);
            if (command.VpcSecurityGroupIds is { Count: > 0 } groupIds)
            {
                var groups = await RedshiftViews.GroupsAsync(network, groupIds, row.VpcId!, cancellationToken);
                await network.SetGroupsAsync(row.Arn, groups, cancellationToken);
                document = document with { SecurityGroupIds = groups.Select(g => g.Id).ToList() };
            }
            var interfaces = await network.InterfacesAsync(row.Arn, cancellationToken);
            if (command.PubliclyAccessible is { } publiclyAccessible && publiclyAccessible != document.PubliclyAccessible)
            {
                foreach (var eni in interfaces)
                {
                    if (publiclyAccessible) await network.AssignPublicIpAsync(eni, RedshiftViews.RequesterId, cancellationToken);
                    else ServiceNetwork.RemovePublicIp(eni);
                }
            }
            var type = command.ClusterType ?? document.ClusterType;
            var nodes = command.NumberOfNodes ?? (type == "single-node" ? 1 : document.NumberOfNodes);
            if (type == "multi-node" && nodes < 2) throw RedshiftErrors.MultiNodeCount();
            if (type == "single-node" && nodes != 1) throw RedshiftErrors.SingleNodeCount();
            document = document with
            {
                PubliclyAccessible = command.PubliclyAccessible ?? document.PubliclyAccessible,
                NodeType = command.NodeType ?? document.NodeType,
                ClusterType = type,
                NumberOfNodes = nodes,
                Port = command.Port ?? document.Port,
                AutomatedSnapshotRetentionPeriod = command.AutomatedSnapshotRetentionPeriod ?? document.AutomatedSnapshotRetentionPeriod,
                PreferredMaintenanceWindow = command.PreferredMaintenanceWindow ?? document.PreferredMaintenanceWindow,
                ClusterParameterGroupName = command.ClusterParameterGroupName ?? document.ClusterParameterGroupName,
                EnhancedVpcRouting = command.EnhancedVpcRouting ?? document.EnhancedVpcRouting,
                AllowVersionUpgrade = command.AllowVersionUpgrade ?? document.AllowVersionUpgrade,
            };
            ServiceResourceStore.Write(row, document);
            return new Result(RedshiftViews.Cluster(row, document, interfaces, store.Region, "available"));
        }, cancellationToken);
    }
}
