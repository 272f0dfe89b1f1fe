using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.Eks;

/// <summary>A cluster with its endpoint, certificate and VPC configuration. https://docs.aws.amazon.com/eks/latest/APIReference/API_DescribeCluster.html</summary>
[AwsService("eks")]
public static class DescribeCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? Name { get; init; }
    }

    public sealed record Result(Cluster Cluster);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var row = await EksClusters.FindAsync(store, command.Name!, cancellationToken);
            return new Result(EksClusters.ToCluster(row, ServiceResourceStore.Read<ClusterDocument>(row)));
        }
    }
}
