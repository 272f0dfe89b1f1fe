using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.VpcEndpoints;

/// <summary>
/// Lists VPC endpoints by id, filters and pages (MaxResults 5-1000); an unknown id is InvalidVpcEndpointId.NotFound.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpoints.html
/// </summary>
public static class DescribeVpcEndpoints
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? VpcEndpointIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<VpcEndpointShape> VpcEndpoints, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = VpcEndpointViews.Filters.Compile(command.Filters);
            var endpoints = await Ids.LoadAsync(db.VpcEndpoints.AsNoTracking().WithParts(), command.VpcEndpointIds, VpcEndpointViews.IdPrefix,
                Ec2Errors.VpcEndpointIdMalformed, Ec2Errors.VpcEndpointsNotFound, cancellationToken);
            var tagsOf = await tags.LoadAllAsync(VpcEndpointViews.ResourceType, cancellationToken);
            var rows = await VpcEndpointViews.RowsAsync(db, tagsOf, endpoints, cancellationToken);
            var page = Page.Take(rows.Where(match), r => r.Endpoint.Id, command);
            return new Result(page.Items.Select(VpcEndpointViews.ToShape).ToList(), page.NextToken);
        }
    }
}
