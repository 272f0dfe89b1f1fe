using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.PrefixLists;

/// <summary>
/// The older API for the AWS-managed lists of the gateway endpoint services (S3, DynamoDB) of the region: id,
/// name and CIDRs. Customer-managed lists are DescribeManagedPrefixLists' alone.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribePrefixLists.html
/// </summary>
public static class DescribePrefixLists
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public bool? DryRun { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public IReadOnlyList<string>? PrefixListIds { get; init; }
    }

    public sealed record Result(string? NextToken, IReadOnlyList<PrefixListShapes.PrefixList> PrefixLists);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            this.Check(c => PrefixListRules.Problem(() => Ids.RequireWellFormed(c.PrefixListIds, PrefixListViews.IdPrefix, Ec2Errors.PrefixListIdMalformed)));
    }

    public sealed class Handler(RequestContext request) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = PrefixListViews.LegacyFilters.Compile(command.Filters);
            var lists = AwsManagedPrefixLists.Of(request.Region).Where(l => l.GatewayEndpoint)
                .Where(l => command.PrefixListIds is not { Count: > 0 } ids || ids.Contains(l.Id))
                .Select(l => new PrefixListShapes.PrefixList(l.Id, l.Name, l.Cidrs))
                .ToList();
            Ids.RequireFound(command.PrefixListIds, lists.Select(l => l.PrefixListId), Ec2Errors.PrefixListsNotFound);
            var page = Page.Take(lists.Where(match), l => l.PrefixListId, command);
            return Task.FromResult(new Result(page.NextToken, page.Items));
        }
    }
}
