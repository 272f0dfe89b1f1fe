using System.Text.Json;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Starts 1–10 tasks of a task definition in a cluster. With awsvpc networking each task gets its own interface in
/// one of the named subnets (in turn), with the named groups or the VPC's default group, and a public address when
/// <c>assignPublicIp</c> is ENABLED (Fargate only). The tasks are RUNNING at once. No container instances are
/// modelled: EC2 tasks are placed as if capacity were there. Capacity provider strategies are not supported.
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class RunTask
{
    public sealed record Command : ICommand<Result>
    {
        public string? Cluster { get; init; }
        public string? TaskDefinition { get; init; }
        public int? Count { get; init; }
        public string? LaunchType { get; init; }
        public JsonElement? CapacityProviderStrategy { get; init; }
        public NetworkConfiguration? NetworkConfiguration { get; init; }
        public string? Group { get; init; }
        public string? StartedBy { get; init; }
        public string? PlatformVersion { get; init; }
        public JsonElement? Overrides { get; init; }
        public bool EnableExecuteCommand { get; init; }
        public IReadOnlyList<EcsTag>? Tags { get; init; }
    }

    public sealed record Result(IReadOnlyList<TaskShape> Tasks, IReadOnlyList<Failure> Failures);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Count).InclusiveBetween(1, 10).When(c => c.Count is not null)
                .WithAwsError((_, _) => EcsErrors.InvalidParameter("Count must be between 1 and 10."));
            RuleFor(c => c.LaunchType).Must(t => t is null || EcsNames.RunnableLaunchTypes.Contains(t))
                .WithAwsError((_, t) => EcsErrors.InvalidParameter(EcsNames.LaunchTypes.Contains(t!)
                    ? $"The {t} launch type is not supported by ControlPlane." : $"Invalid launch type: {t}"));
            RuleFor(c => c.CapacityProviderStrategy).Null()
                .WithAwsError((_, _) => EcsErrors.InvalidParameter("Capacity provider strategies are not supported by ControlPlane; use launchType."));
            RuleFor(c => c.StartedBy!).MaximumLength(128).When(c => c.StartedBy is not null)
                .WithAwsError((_, _) => EcsErrors.InvalidParameter("startedBy can have at most 128 characters."));
            RuleFor(c => c.Tags).Must(EcsTags.AreValid).WithAwsError((_, _) => EcsTags.Invalid());
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var resources = new EcsResources(db, store, network);
            var cluster = await resources.ClusterAsync(command.Cluster, cancellationToken);
            var (definitionRow, definition) = await resources.RunnableTaskDefinitionAsync(command.TaskDefinition, cancellationToken);
            var launchType = command.LaunchType ?? EcsNames.Ec2;
            var placement = await resources.PlacementAsync(command.NetworkConfiguration, definition, launchType, cancellationToken);
            var launch = new EcsTasks.Launch(cluster, definitionRow, definition, launchType, command.PlatformVersion, placement,
                command.Group ?? $"family:{definition.Family}", command.StartedBy, ServiceName: null, DeploymentId: null, command.Overrides,
                command.Tags ?? [], command.EnableExecuteCommand);
            var tasks = await new EcsTasks(db, store, network).StartAsync(launch, command.Count ?? 1, 0, cancellationToken);
            return new Result(tasks.Select(t => EcsViews.Task(t, tags: true)).ToList(), []);
        }, cancellationToken);
    }
}
