using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// The ARNs of a cluster's active and draining services (deleted ones are not listed), 10 to a page unless asked.
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListServices.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class ListServices
{
    public sealed record Command : ICommand<Result>
    {
        public string? Cluster { get; init; }
        public string? LaunchType { get; init; }
        public string? SchedulingStrategy { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
    }

    public sealed record Result(IReadOnlyList<string> ServiceArns, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var resources = new EcsResources(db, store, network);
            var cluster = await resources.ClusterAsync(command.Cluster, cancellationToken);
            var arns = (await resources.MembersAsync(cluster, cancellationToken)).Services
                .Where(s => s.State != EcsNames.Inactive)
                .Select(s => (Row: s, Document: ServiceResourceStore.Read<ServiceDocument>(s)))
                .Where(s => (command.LaunchType is null || s.Document.LaunchType == command.LaunchType)
                    && (command.SchedulingStrategy is null || s.Document.SchedulingStrategy == command.SchedulingStrategy))
                .Select(s => s.Row.Arn).ToList();
            var (page, next) = EcsPages.Page(arns, command.MaxResults, command.NextToken, pageSize: 10);
            return new Result(page, next);
        }
    }
}
