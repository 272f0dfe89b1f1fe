using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Eks;

/// <summary>
/// The names of the account's clusters in the region, 100 a page unless maxResults (1-100) says fewer; nextToken continues.
/// https://docs.aws.amazon.com/eks/latest/APIReference/API_ListClusters.html
/// </summary>
[AwsService("eks")]
public static class ListClusters
{
    public sealed record Command : ICommand<Result>
    {
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public IReadOnlyList<string>? Include { get; init; }
    }

    public sealed record Result(IReadOnlyList<string> Clusters, string? NextToken);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.MaxResults).Must(m => m is null or >= 1 and <= 100)
            .WithAwsError((_, m) => EksErrors.InvalidParameter($"maxResults must be between 1 and 100, got {m}."));
    }

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var names = (await store.ListAsync(EksClusters.Service, EksClusters.Kind, cancellationToken)).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
            var (page, next) = EksClusters.Page(names, command.NextToken, command.MaxResults ?? 100);
            return new Result(page, next);
        }
    }
}
