using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Vpcs;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html</summary>
public static class DescribeVpcs
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? VpcIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<Shapes.Vpc> Vpcs, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = VpcViews.Filters.Compile(command.Filters);
            var vpcs = await Ids.LoadAsync(db.Vpcs.AsNoTracking().Include(v => v.CidrBlocks),
                command.VpcIds, ResourceIds.Vpc, Ec2Errors.VpcIdMalformed, Ec2Errors.VpcsNotFound, cancellationToken);
            var tagsOf = await tags.LoadAllAsync("vpc", cancellationToken);
            var page = Page.Take(vpcs.Select(v => new VpcViews.Row(v, tagsOf(v.Id))).Where(match), r => r.Vpc.Id, command);
            return new Result(page.Items.Select(r => VpcViews.ToShape(r.Vpc, r.Tags)).ToList(), page.NextToken);
        }
    }
}
