using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Task definition ARNs, ACTIVE by default, filtered by family prefix, ordered by family then revision (DESC reverses).
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTaskDefinitions.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class ListTaskDefinitions
{
    public sealed record Command : ICommand<Result>
    {
        public string? FamilyPrefix { get; init; }
        public string? Status { get; init; }
        public string? Sort { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
    }

    public sealed record Result(IReadOnlyList<string> TaskDefinitionArns, string? NextToken);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var status = command.Status ?? EcsNames.Active;
            if (status is not (EcsNames.Active or EcsNames.Inactive or "DELETE_IN_PROGRESS"))
                throw EcsErrors.InvalidParameter($"Invalid status: {status}");
            var rows = (await store.ListAsync(EcsNames.Service, EcsNames.TaskDefinitionKind, cancellationToken))
                .Where(r => r.State == status && (command.FamilyPrefix is null || r.Name.StartsWith(command.FamilyPrefix, StringComparison.Ordinal)))
                .OrderBy(r => r.Name[..r.Name.LastIndexOf(':')], StringComparer.Ordinal).ThenBy(EcsResources.Revision).ToList();
            if (command.Sort == "DESC") rows.Reverse();
            var (page, next) = EcsPages.Page(rows.Select(r => r.Arn).ToList(), command.MaxResults, command.NextToken);
            return new Result(page, next);
        }
    }
}
