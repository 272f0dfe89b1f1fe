using System.Text.Json;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Changes a service. A new desired count starts or stops tasks; a new task definition, network configuration or
/// platform version, or forceNewDeployment, starts a new deployment that replaces every task at once (so the new
/// tasks' interfaces carry the new subnets and groups, and the old ones are deleted). Load balancers and the other
/// echoed settings are stored. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class UpdateService
{
    public sealed record Command : ICommand<Result>
    {
        public string? Cluster { get; init; }
        public string? Service { get; init; }
        public string? TaskDefinition { get; init; }
        public int? DesiredCount { get; init; }
        public NetworkConfiguration? NetworkConfiguration { get; init; }
        public string? PlatformVersion { get; init; }
        public bool ForceNewDeployment { get; init; }
        public JsonElement? CapacityProviderStrategy { get; init; }
        public JsonElement? LoadBalancers { get; init; }
        public JsonElement? ServiceRegistries { get; init; }
        public JsonElement? DeploymentConfiguration { get; init; }
        public JsonElement? PlacementConstraints { get; init; }
        public JsonElement? PlacementStrategy { get; init; }
        public int? HealthCheckGracePeriodSeconds { get; init; }
        public string? PropagateTags { get; init; }
        public bool? EnableEcsManagedTags { get; init; }
        public bool? EnableExecuteCommand { get; init; }
    }

    public sealed record Result(ServiceShape Service);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DesiredCount).GreaterThanOrEqualTo(0).When(c => c.DesiredCount is not null)
                .WithAwsError((_, _) => EcsErrors.InvalidParameter("desiredCount must be greater than or equal to 0."));
            RuleFor(c => c.CapacityProviderStrategy).Null()
                .WithAwsError((_, _) => EcsErrors.InvalidParameter("Capacity provider strategies are not supported by ControlPlane; use launchType."));
            RuleFor(c => c.PropagateTags).Must(p => p is null or "NONE" or "SERVICE" or "TASK_DEFINITION")
                .WithAwsError((_, p) => EcsErrors.InvalidParameter($"Invalid propagateTags: {p}"));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var resources = new EcsResources(db, store, network);
            var cluster = await resources.ClusterAsync(command.Cluster, cancellationToken);
            var service = await resources.FindServiceAsync(cluster, command.Service ?? "", cancellationToken) ?? throw EcsErrors.ServiceNotFound();
            if (service.State != EcsNames.Active) throw EcsErrors.ServiceNotActive();
            var document = ServiceResourceStore.Read<ServiceDocument>(service);

            var definitionArn = document.TaskDefinition;
            TaskDefinitionDocument definition;
            if (command.TaskDefinition is { } reference)
            {
                var (row, doc) = await resources.RunnableTaskDefinitionAsync(reference, cancellationToken);
                (definitionArn, definition) = (row.Arn, doc);
            }
            else
            {
                var row = await resources.FindTaskDefinitionAsync(definitionArn, cancellationToken) ?? throw EcsErrors.TaskDefinitionNotFound();
                definition = ServiceResourceStore.Read<TaskDefinitionDocument>(row);
            }
            var networkConfiguration = document.NetworkConfiguration;
            Placement? placement = null;
            if (command.NetworkConfiguration is not null || command.TaskDefinition is not null)
            {
                placement = await resources.PlacementAsync(command.NetworkConfiguration ?? document.NetworkConfiguration, definition, document.LaunchType,
                    cancellationToken);
                networkConfiguration = placement?.Configuration;
            }
            var platformVersion = command.PlatformVersion ?? document.PlatformVersion;
            var redeploy = command.ForceNewDeployment || definitionArn != document.TaskDefinition
                || !SameNetwork(networkConfiguration, document.NetworkConfiguration) || platformVersion != document.PlatformVersion;

            var now = store.Now;
            var deployment = redeploy ? new ServiceDeployment(EcsNames.NewDeploymentId(), definitionArn, now, now) : document.Deployment with { UpdatedAt = now };
            var tasks = new EcsTasks(db, store, network);
            if (redeploy) await EcsServices.StopAllAsync(resources, tasks, cluster, document.ServiceName, document.Deployment.Id, cancellationToken);
            ServiceResourceStore.Write(service, document with
            {
                TaskDefinition = definitionArn, DesiredCount = command.DesiredCount ?? document.DesiredCount, NetworkConfiguration = networkConfiguration,
                PlatformVersion = platformVersion, Deployment = deployment, LoadBalancers = command.LoadBalancers ?? document.LoadBalancers,
                ServiceRegistries = command.ServiceRegistries ?? document.ServiceRegistries,
                DeploymentConfiguration = command.DeploymentConfiguration ?? document.DeploymentConfiguration,
                PlacementConstraints = command.PlacementConstraints ?? document.PlacementConstraints,
                PlacementStrategy = command.PlacementStrategy ?? document.PlacementStrategy,
                HealthCheckGracePeriodSeconds = command.HealthCheckGracePeriodSeconds ?? document.HealthCheckGracePeriodSeconds,
                PropagateTags = command.PropagateTags ?? document.PropagateTags,
                EnableEcsManagedTags = command.EnableEcsManagedTags ?? document.EnableEcsManagedTags,
                EnableExecuteCommand = command.EnableExecuteCommand ?? document.EnableExecuteCommand,
            });
            if (placement is not null) service.VpcId = placement.Subnets[0].VpcId;
            await EcsServices.ReconcileAsync(resources, tasks, cluster, service, cancellationToken);
            var running = await EcsServices.RunningCountAsync(resources, cluster, service, cancellationToken);
            return new Result(EcsViews.Service(service, running, store.AccountId, tags: true));
        }, cancellationToken);
    }

    private static bool SameNetwork(NetworkConfiguration? a, NetworkConfiguration? b)
    {
        var x = a?.AwsvpcConfiguration;
        var y = b?.AwsvpcConfiguration;
        if (x is null || y is null) return x is null && y is null;
        return (x.Subnets ?? []).SequenceEqual(y.Subnets ?? []) && (x.SecurityGroups ?? []).SequenceEqual(y.SecurityGroups ?? [])
            && x.AssignPublicIp == y.AssignPublicIp;
    }
}
