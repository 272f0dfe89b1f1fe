using System.Text.Json;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Registers the next revision of a family (one more than the highest ever registered, deregistered ones included).
/// Container definitions, volumes and the other members the emulator does not act on are stored as given. A
/// definition is compatible with EC2 always and with Fargate when it uses awsvpc and sets task cpu and memory;
/// requiring Fargate without those is a <c>ClientException</c>.
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class RegisterTaskDefinition
{
    public sealed record Command : ICommand<Result>
    {
        public string? Family { get; init; }
        public IReadOnlyList<JsonElement>? ContainerDefinitions { get; init; }
        public string? NetworkMode { get; init; }
        public IReadOnlyList<string>? RequiresCompatibilities { get; init; }
        public string? Cpu { get; init; }
        public string? Memory { get; init; }
        public string? TaskRoleArn { get; init; }
        public string? ExecutionRoleArn { get; init; }
        public JsonElement? Volumes { get; init; }
        public JsonElement? PlacementConstraints { get; init; }
        public JsonElement? RuntimePlatform { get; init; }
        public JsonElement? EphemeralStorage { get; init; }
        public JsonElement? ProxyConfiguration { get; init; }
        public string? PidMode { get; init; }
        public string? IpcMode { get; init; }
        public bool? EnableFaultInjection { get; init; }
        public IReadOnlyList<EcsTag>? Tags { get; init; }

        public bool RequiresFargate => RequiresCompatibilities?.Contains(EcsNames.Fargate) == true;
    }

    public sealed record Result(TaskDefinitionShape TaskDefinition, IReadOnlyList<EcsTag> Tags);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Family).NotEmpty().WithAwsError((_, _) => EcsErrors.Client("Family can not be blank."));
            RuleFor(c => c.Family!).Matches("^[a-zA-Z0-9_-]{1,255}$").When(c => !string.IsNullOrEmpty(c.Family))
                .WithAwsError((_, _) => EcsErrors.Client(
                    "Family name can have up to 255 characters and can contain letters (uppercase and lowercase), numbers, underscores, and hyphens."));
            RuleFor(c => c.ContainerDefinitions).NotEmpty().WithAwsError((_, _) => EcsErrors.Client("Container list cannot be empty."));
            RuleForEach(c => c.ContainerDefinitions).Must(c => Text(c, "name") is { Length: > 0 })
                .WithAwsError((_, _) => EcsErrors.Client("Container.name should not be null or empty."));
            RuleForEach(c => c.ContainerDefinitions).Must(c => Text(c, "image") is { Length: > 0 })
                .WithAwsError((_, _) => EcsErrors.Client("Container.image should not be null or empty."));
            RuleFor(c => c.NetworkMode).Must(m => m is null || EcsNames.NetworkModes.Contains(m))
                .WithAwsError((_, m) => EcsErrors.Client($"Invalid networkMode: {m}"));
            RuleForEach(c => c.RequiresCompatibilities).Must(EcsNames.LaunchTypes.Contains)
                .WithAwsError((_, v) => EcsErrors.Client($"Invalid compatibility: {v}"));
            RuleFor(c => c.NetworkMode).Equal(EcsNames.AwsVpc).When(c => c.RequiresFargate)
                .WithAwsError((_, _) => EcsErrors.Client("Fargate only supports network mode ‘awsvpc’."));
            RuleFor(c => c.Cpu).NotEmpty().When(c => c.RequiresFargate)
                .WithAwsError((_, _) => EcsErrors.Client("Fargate requires that 'cpu' be defined at the task level."));
            RuleFor(c => c.Memory).NotEmpty().When(c => c.RequiresFargate)
                .WithAwsError((_, _) => EcsErrors.Client("Fargate requires that 'memory' be defined at the task level."));
            RuleFor(c => c.Tags).Must(EcsTags.AreValid).WithAwsError((_, _) => EcsTags.Invalid());
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var resources = new EcsResources(db, store, network);
            var family = command.Family!;
            var revisions = await resources.RevisionsAsync(family, cancellationToken);
            var revision = revisions.Count == 0 ? 1 : revisions.Max(EcsResources.Revision) + 1;
            var awsvpc = command.NetworkMode == EcsNames.AwsVpc;
            List<string> compatibilities = [EcsNames.Ec2];
            if (awsvpc && !string.IsNullOrEmpty(command.Cpu) && !string.IsNullOrEmpty(command.Memory)) compatibilities.Add(EcsNames.Fargate);
            if (command.RequiresCompatibilities?.Contains(EcsNames.External) == true) compatibilities.Add(EcsNames.External);
            var document = new TaskDefinitionDocument
            {
                Family = family, Revision = revision, ContainerDefinitions = command.ContainerDefinitions!, NetworkMode = command.NetworkMode,
                RequiresCompatibilities = command.RequiresCompatibilities, Compatibilities = compatibilities, Cpu = command.Cpu, Memory = command.Memory,
                TaskRoleArn = command.TaskRoleArn, ExecutionRoleArn = command.ExecutionRoleArn, Volumes = command.Volumes,
                PlacementConstraints = command.PlacementConstraints, RuntimePlatform = command.RuntimePlatform, EphemeralStorage = command.EphemeralStorage,
                ProxyConfiguration = command.ProxyConfiguration, PidMode = command.PidMode, IpcMode = command.IpcMode,
                EnableFaultInjection = command.EnableFaultInjection, RegisteredAt = store.Now,
                RegisteredBy = $"arn:aws:iam::{store.AccountId}:root", Tags = command.Tags ?? [],
            };
            var name = $"{family}:{revision}";
            var row = store.Add(EcsNames.Service, EcsNames.TaskDefinitionKind, name, store.Arn(EcsNames.Service, $"task-definition/{name}"), document,
                state: EcsNames.Active);
            return new Result(EcsViews.TaskDefinition(row), document.Tags);
        }, cancellationToken);
    }

    private static string? Text(JsonElement container, string name) =>
        container.ValueKind == JsonValueKind.Object && container.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
