using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.InternetGateways;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInternetGateways.html</summary>
public static class DescribeInternetGateways
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? InternetGatewayIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<Shapes.InternetGateway> InternetGateways, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = InternetGatewayViews.Filters.Compile(command.Filters);
            var gateways = await Ids.LoadAsync(db.InternetGateways.AsNoTracking(),
                command.InternetGatewayIds, ResourceIds.InternetGateway, Ec2Errors.InternetGatewayIdMalformed, Ec2Errors.InternetGatewaysNotFound, cancellationToken);
            var tagsOf = await tags.LoadAllAsync(InternetGatewayViews.ResourceType, cancellationToken);
            var page = Page.Take(gateways.Select(g => new InternetGatewayViews.Row(g, tagsOf(g.Id))).Where(match), r => r.Gateway.Id, command);
            return new Result(page.Items.Select(InternetGatewayViews.ToShape).ToList(), page.NextToken);
        }
    }
}
