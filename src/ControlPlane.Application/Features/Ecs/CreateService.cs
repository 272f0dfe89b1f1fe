using System.Text.Json;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Creates a replica service and starts its desired count of tasks at once, each with its own interface when the task
/// definition uses awsvpc (the network configuration is checked as RunTask checks it). Load balancers, service
/// registries, deployment configuration and placement are stored and echoed. A name in use by an active or draining
/// service of the cluster is refused; an inactive one's name can be reused. DAEMON scheduling, capacity provider
/// strategies, Service Connect and the CODE_DEPLOY/EXTERNAL deployment controllers are not supported.
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class CreateService
{
    public sealed record Command : ICommand<Result>
    {
        public string? Cluster { get; init; }
        public string? ServiceName { get; init; }
        public string? TaskDefinition { get; init; }
        public int? DesiredCount { get; init; }
        public string? LaunchType { get; init; }
        public JsonElement? CapacityProviderStrategy { get; init; }
        public string? PlatformVersion { get; init; }
        public NetworkConfiguration? NetworkConfiguration { get; init; }
        public JsonElement? LoadBalancers { get; init; }
        public JsonElement? ServiceRegistries { get; init; }
        public JsonElement? DeploymentConfiguration { get; init; }
        public DeploymentController? DeploymentController { get; init; }
        public JsonElement? PlacementConstraints { get; init; }
        public JsonElement? PlacementStrategy { get; init; }
        public int? HealthCheckGracePeriodSeconds { get; init; }
        public string? SchedulingStrategy { get; init; }
        public string? Role { get; init; }
        public string? PropagateTags { get; init; }
        public bool EnableEcsManagedTags { get; init; }
        public bool EnableExecuteCommand { get; init; }
        public JsonElement? ServiceConnectConfiguration { get; init; }
        public IReadOnlyList<EcsTag>? Tags { get; init; }
    }

    public sealed record Result(ServiceShape Service);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ServiceName!).Matches("^[a-zA-Z0-9_-]{1,255}$").When(c => c.ServiceName is not null)
                .WithAwsError((_, _) => EcsErrors.InvalidParameter(
                    "Service name can have up to 255 characters and can contain letters (uppercase and lowercase), numbers, underscores, and hyphens."));
            RuleFor(c => c.DesiredCount).GreaterThanOrEqualTo(0).When(c => c.DesiredCount is not null)
                .WithAwsError((_, _) => EcsErrors.InvalidParameter("desiredCount must be greater than or equal to 0."));
            RuleFor(c => c.LaunchType).Must(t => t is null || EcsNames.RunnableLaunchTypes.Contains(t))
                .WithAwsError((_, t) => EcsErrors.InvalidParameter(EcsNames.LaunchTypes.Contains(t!)
                    ? $"The {t} launch type is not supported by ControlPlane." : $"Invalid launch type: {t}"));
            RuleFor(c => c.SchedulingStrategy).Must(s => s is null or "REPLICA")
                .WithAwsError((_, _) => EcsErrors.InvalidParameter("Only the REPLICA scheduling strategy is supported by ControlPlane."));
            RuleFor(c => c.DeploymentController).Must(d => d is null || d.Type is null or "ECS")
                .WithAwsError((_, _) => EcsErrors.InvalidParameter("Only the ECS deployment controller is supported by ControlPlane."));
            RuleFor(c => c.CapacityProviderStrategy).Null()
                .WithAwsError((_, _) => EcsErrors.InvalidParameter("Capacity provider strategies are not supported by ControlPlane; use launchType."));
            RuleFor(c => c.ServiceConnectConfiguration).Null()
                .WithAwsError((_, _) => EcsErrors.InvalidParameter("Service Connect is not supported by ControlPlane."));
            RuleFor(c => c.PropagateTags).Must(p => p is null or "NONE" or "SERVICE" or "TASK_DEFINITION")
                .WithAwsError((_, p) => EcsErrors.InvalidParameter($"Invalid propagateTags: {p}"));
            RuleFor(c => c.Tags).Must(EcsTags.AreValid).WithAwsError((_, _) => EcsTags.Invalid());
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var resources = new EcsResources(db, store, network);
            var cluster = await resources.ClusterAsync(command.Cluster, cancellationToken);
            var name = command.ServiceName!;
            if (await resources.FindServiceAsync(cluster, name, cancellationToken) is { } earlier)
            {
                if (earlier.State != EcsNames.Inactive) throw EcsErrors.InvalidParameter("Creation of service was not idempotent.");
                store.Remove(earlier);
                await db.SaveChangesAsync(cancellationToken);
            }
            var (definitionRow, definition) = await resources.RunnableTaskDefinitionAsync(command.TaskDefinition, cancellationToken);
            var launchType = command.LaunchType ?? EcsNames.Ec2;
            var placement = await resources.PlacementAsync(command.NetworkConfiguration, definition, launchType, cancellationToken);
            var now = store.Now;
            var document = new ServiceDocument
            {
                ServiceName = name, ClusterArn = cluster.Arn, TaskDefinition = definitionRow.Arn, DesiredCount = command.DesiredCount ?? 0,
                LaunchType = launchType, PlatformVersion = command.PlatformVersion, NetworkConfiguration = placement?.Configuration,
                LoadBalancers = command.LoadBalancers, ServiceRegistries = command.ServiceRegistries,
                DeploymentConfiguration = command.DeploymentConfiguration, PlacementConstraints = command.PlacementConstraints,
                PlacementStrategy = command.PlacementStrategy, HealthCheckGracePeriodSeconds = command.HealthCheckGracePeriodSeconds, Role = command.Role,
                PropagateTags = command.PropagateTags ?? "NONE", EnableEcsManagedTags = command.EnableEcsManagedTags,
                EnableExecuteCommand = command.EnableExecuteCommand, Deployment = new ServiceDeployment(EcsNames.NewDeploymentId(), definitionRow.Arn, now, now),
                CreatedAt = now, Tags = command.Tags ?? [],
            };
            var service = store.Add(EcsNames.Service, EcsNames.ServiceKind, $"{cluster.Name}/{name}", store.Arn(EcsNames.Service, $"service/{cluster.Name}/{name}"),
                document, vpcId: placement?.Subnets[0].VpcId, parentArn: cluster.Arn, state: EcsNames.Active);
            var tasks = new EcsTasks(db, store, network);
            await EcsServices.ReconcileAsync(resources, tasks, cluster, service, cancellationToken);
            var running = await EcsServices.RunningCountAsync(resources, cluster, service, cancellationToken);
            return new Result(EcsViews.Service(service, running, store.AccountId, tags: true));
        }, cancellationToken);
    }
}
