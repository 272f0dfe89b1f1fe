using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// The service scheduler, done at once: a service runs exactly its desired count of tasks with its current task
/// definition and network configuration. Scaling in stops the newest tasks; a new deployment (task definition,
/// network configuration or platform change, or forceNewDeployment) replaces every task.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html
/// </summary>
public static class EcsServices
{
    public const string StopCode = "ServiceSchedulerInitiated";

    public static string StopReason(string deploymentId) => $"Scaling activity initiated by (deployment {deploymentId})";

    /// <summary>Starts or stops the service's tasks until it runs its desired count.</summary>
    public static async Task ReconcileAsync(EcsResources resources, EcsTasks tasks, ServiceResource cluster, ServiceResource service,
        CancellationToken cancellationToken)
    {
        var document = ServiceResourceStore.Read<ServiceDocument>(service);
        var running = await resources.ServiceTasksAsync(cluster, document.ServiceName, cancellationToken);
        var wanted = service.State == EcsNames.Active ? document.DesiredCount : 0;
        if (running.Count > wanted)
        {
            foreach (var task in running.AsEnumerable().Reverse().Take(running.Count - wanted))
                await tasks.StopAsync(task, StopReason(document.Deployment.Id), StopCode, cancellationToken);
            return;
        }
        if (running.Count == wanted) return;
        var definitionRow = await resources.FindTaskDefinitionAsync(document.TaskDefinition, cancellationToken)
            ?? throw EcsErrors.TaskDefinitionNotFound();
        var definition = ServiceResourceStore.Read<TaskDefinitionDocument>(definitionRow);
        var placement = await resources.PlacementAsync(document.NetworkConfiguration, definition, document.LaunchType, cancellationToken);
        var launch = new EcsTasks.Launch(cluster, definitionRow, definition, document.LaunchType, document.PlatformVersion, placement,
            $"service:{document.ServiceName}", document.Deployment.Id, document.ServiceName, document.Deployment.Id, Overrides: null,
            document.PropagateTags == "SERVICE" ? document.Tags : [], document.EnableExecuteCommand);
        await tasks.StartAsync(launch, wanted - running.Count, running.Count, cancellationToken);
    }

    /// <summary>Stops every task of the service (a new deployment, or the service's deletion).</summary>
    public static async Task StopAllAsync(EcsResources resources, EcsTasks tasks, ServiceResource cluster, string serviceName, string deploymentId,
        CancellationToken cancellationToken)
    {
        foreach (var task in await resources.ServiceTasksAsync(cluster, serviceName, cancellationToken))
            await tasks.StopAsync(task, StopReason(deploymentId), StopCode, cancellationToken);
    }

    public static async Task<int> RunningCountAsync(EcsResources resources, ServiceResource cluster, ServiceResource service, CancellationToken cancellationToken) =>
        service.State == EcsNames.Inactive ? 0 : (await resources.ServiceTasksAsync(cluster, ServiceResourceStore.Read<ServiceDocument>(service).ServiceName, cancellationToken)).Count;
}
