using System.Text.Json;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Creates a cluster, <c>default</c> when the request names none. Creating a cluster that exists answers it unchanged,
/// as AWS does. Capacity providers and settings are stored and echoed; container insights default to disabled.
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class CreateCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? ClusterName { get; init; }
        public IReadOnlyList<EcsTag>? Tags { get; init; }
        public IReadOnlyList<ClusterSetting>? Settings { get; init; }
        public JsonElement? Configuration { get; init; }
        public IReadOnlyList<string>? CapacityProviders { get; init; }
        public JsonElement? DefaultCapacityProviderStrategy { get; init; }
    }

    public sealed record Result(ClusterShape Cluster);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ClusterName!).Matches("^[a-zA-Z0-9_-]{1,255}$").When(c => c.ClusterName is not null)
                .WithAwsError((_, _) => EcsErrors.InvalidParameter(
                    "Cluster name can have up to 255 characters and can contain letters (uppercase and lowercase), numbers, underscores, and hyphens."));
            RuleFor(c => c.Tags).Must(EcsTags.AreValid).WithAwsError((_, _) => EcsTags.Invalid());
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var resources = new EcsResources(db, store, network);
            var name = command.ClusterName ?? EcsNames.DefaultCluster;
            if (await resources.FindClusterAsync(name, cancellationToken) is { } existing)
            {
                var members = await store.ChildrenAsync(existing.Arn, cancellationToken);
                return new Result(EcsViews.Cluster(existing, members, tags: true));
            }
            var document = new ClusterDocument
            {
                Tags = command.Tags ?? [], Settings = command.Settings ?? [new ClusterSetting("containerInsights", "disabled")],
                CapacityProviders = command.CapacityProviders ?? [], DefaultCapacityProviderStrategy = command.DefaultCapacityProviderStrategy,
                Configuration = command.Configuration,
            };
            var row = store.Add(EcsNames.Service, EcsNames.ClusterKind, name, resources.ClusterArn(name), document, state: EcsNames.Active);
            return new Result(EcsViews.Cluster(row, [], tags: true));
        }, cancellationToken);
    }
}
