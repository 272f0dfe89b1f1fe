using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Task ARNs of a cluster, filtered by service, family, startedBy, launch type and desired status (RUNNING unless
/// STOPPED is asked for), oldest first, paginated.
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class ListTasks
{
    public sealed record Command : ICommand<Result>
    {
        public string? Cluster { get; init; }
        public string? ServiceName { get; init; }
        public string? Family { get; init; }
        public string? StartedBy { get; init; }
        public string? LaunchType { get; init; }
        public string? DesiredStatus { get; init; }
        public string? ContainerInstance { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
    }

    public sealed record Result(IReadOnlyList<string> TaskArns, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var desired = command.DesiredStatus ?? EcsNames.Running;
            if (desired is not (EcsNames.Running or EcsNames.Stopped or "PENDING"))
                throw EcsErrors.InvalidParameter($"Invalid desiredStatus: {desired}");
            var resources = new EcsResources(db, store, network);
            var cluster = await resources.ClusterAsync(command.Cluster, cancellationToken);
            if (command.ServiceName is { } serviceName && await resources.FindServiceAsync(cluster, serviceName, cancellationToken) is null)
                throw EcsErrors.ServiceNotFound();
            var service = command.ServiceName is null ? null : EcsNames.LastSegment(command.ServiceName);
            var arns = (await resources.MembersAsync(cluster, cancellationToken)).Tasks
                .Select(t => (Row: t, Document: ServiceResourceStore.Read<TaskDocument>(t)))
                .Where(t => t.Document.DesiredStatus == desired && command.ContainerInstance is null
                    && (service is null || t.Document.ServiceName == service)
                    && (command.Family is null || t.Document.Family == command.Family)
                    && (command.StartedBy is null || t.Document.StartedBy == command.StartedBy)
                    && (command.LaunchType is null || t.Document.LaunchType == command.LaunchType))
                .Select(t => t.Row.Arn).ToList();
            var (page, next) = EcsPages.Page(arns, command.MaxResults, command.NextToken);
            return new Result(page, next);
        }
    }
}
