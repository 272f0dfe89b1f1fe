using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Subnets;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSubnets.html</summary>
public static class DescribeSubnets
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? SubnetIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<Shapes.Subnet> Subnets, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = SubnetViews.Filters.Compile(command.Filters);
            var subnets = await Ids.LoadAsync(db.Subnets.AsNoTracking().Include(s => s.Ipv6CidrBlocks),
                command.SubnetIds, ResourceIds.Subnet, Ec2Errors.SubnetIdMalformed, Ec2Errors.SubnetsNotFound, cancellationToken);
            var tagsOf = await tags.LoadAllAsync("subnet", cancellationToken);
            var used = await SubnetViews.UsedAddressesAsync(db, cancellationToken);
            var page = Page.Take(subnets.Select(s => new SubnetViews.Row(s, tagsOf(s.Id), used.GetValueOrDefault(s.Id))).Where(match), r => r.Subnet.Id, command);
            return new Result(page.Items.Select(SubnetViews.ToShape).ToList(), page.NextToken);
        }
    }
}
