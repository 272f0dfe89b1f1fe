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
            Ids.RequireWellFormed(command.VpcIds, ResourceIds.Vpc, Ec2Errors.VpcIdMalformed);
            var match = VpcViews.Filters.Compile(command.Filters);
            var query = db.Vpcs.AsNoTracking().Include(v => v.CidrBlocks).AsQueryable();
            if (command.VpcIds is { Count: > 0 } ids) query = query.Where(v => ids.Contains(v.Id));
            var vpcs = await query.ToListAsync(cancellationToken);
            Ids.RequireFound(command.VpcIds, vpcs.Select(v => v.Id), Ec2Errors.VpcsNotFound);
            var tagsOf = await tags.LoadAllAsync("vpc", cancellationToken);
            var page = Page.Take(vpcs.Select(v => new VpcViews.Row(v, tagsOf(v.Id))).Where(match), r => r.Vpc.Id, command);
            return new Result(page.Items.Select(r => VpcViews.ToShape(r.Vpc, r.Tags)).ToList(), page.NextToken);
        }
    }
}
