using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Ids;

namespace ControlPlane.Application.Features.Eks;

/// <summary>
/// Deletes a cluster with its control-plane interfaces and the cluster security group EKS created. The answer shows
/// <c>DELETING</c>; the cluster is gone at once, so DescribeCluster answers ResourceNotFoundException (what the
/// <c>cluster_deleted</c> waiter waits for).
/// https://docs.aws.amazon.com/eks/latest/APIReference/API_DeleteCluster.html
/// </summary>
[AwsService("eks")]
public static class DeleteCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? Name { get; init; }
    }

    public sealed record Result(Cluster Cluster);

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network, VpcBuilder builder,
        TagStore tags, RequestContext request, IIdGenerator ids) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await EksClusters.FindAsync(store, command.Name!, cancellationToken);
            var doc = ServiceResourceStore.Read<ClusterDocument>(row);
            await network.RemoveInterfacesAsync(row.Arn, cancellationToken);
            await new EksNetwork(db, network, builder, tags, request, ids).DeleteClusterGroupAsync(doc.ClusterSecurityGroupId, cancellationToken);
            store.Remove(row);
            return new Result(EksClusters.ToCluster(row, doc, "DELETING"));
        }, cancellationToken);
    }
}
