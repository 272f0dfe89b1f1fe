using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Deletes a service: refused while it is scaled above 0 unless forced; its tasks stop (their interfaces are deleted).
/// The answer shows it DRAINING; describe calls then show it INACTIVE (the <c>services_inactive</c> waiter).
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteService.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class DeleteService
{
    public sealed record Command : ICommand<Result>
    {
        public string? Cluster { get; init; }
        public string? Service { get; init; }
        public bool? Force { get; init; }
    }

    public sealed record Result(ServiceShape Service);

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var resources = new EcsResources(db, store, network);
            var cluster = await resources.ClusterAsync(command.Cluster, cancellationToken);
            var service = await resources.FindServiceAsync(cluster, command.Service ?? "", cancellationToken);
            if (service is null || service.State == EcsNames.Inactive) throw EcsErrors.ServiceNotFound();
            var document = ServiceResourceStore.Read<ServiceDocument>(service);
            if (document.DesiredCount > 0 && command.Force != true)
                throw EcsErrors.InvalidParameter("The service cannot be stopped while it is scaled above 0.");
            var shown = EcsViews.Service(service, 0, store.AccountId, tags: true, status: EcsNames.Draining);
            await EcsServices.StopAllAsync(resources, new EcsTasks(db, store, network), cluster, document.ServiceName, document.Deployment.Id, cancellationToken);
            ServiceResourceStore.Write(service, document with { DesiredCount = 0, Status = EcsNames.Inactive });
            service.State = EcsNames.Inactive;
            return new Result(shown with { DesiredCount = 0 });
        }, cancellationToken);
    }
}
