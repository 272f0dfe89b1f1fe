using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>
/// Creates a custom route table in a VPC: it holds the VPC's local routes and no associations until AssociateRouteTable
/// gives it subnets. Tables per VPC count the main table (RouteTableLimitExceeded beyond the quota).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRouteTable.html
/// </summary>
public static class CreateRouteTable
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? VpcId { get; init; }
        public string? ClientToken { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(RouteTableShape RouteTable, string? ClientToken);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VpcId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("VpcId"));
            RuleFor(c => c.VpcId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Vpc)).When(c => c.VpcId is not null)
                .WithAwsError((_, id) => Ec2Errors.VpcIdMalformed(id));
            RuleFor(c => c.ClientToken!).Must(ClientTokenIds.IsValid).When(c => c.ClientToken is not null)
                .WithAwsError((_, t) => Ec2Errors.InvalidClientToken(t));
            this.ValidTagSpecifications(RouteTableViews.ResourceType);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var quotas = options.Value.Quotas;
            var vpcId = command.VpcId!;
            var id = command.ClientToken is { } token ? ClientTokenIds.Derive(ResourceIds.RouteTable, request, token) : ids.NewId(ResourceIds.RouteTable);
            var vpc = await db.Vpcs.AsNoTracking().Include(v => v.CidrBlocks).FirstOrDefaultAsync(v => v.Id == vpcId, cancellationToken);

            if (command.ClientToken is not null
                && await db.RouteTables.AsNoTracking().Include(t => t.Routes).Include(t => t.Associations).FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is { } earlier)
            {
                if (earlier.VpcId != vpcId) throw Ec2Errors.IdempotentParameterMismatch(command.ClientToken);
                var targets = await RouteTargetState.LoadAsync(db, [earlier], cancellationToken);
                var earlierTags = await tags.LoadAsync([id], cancellationToken);
                return new Result(RouteTableViews.ToShape(RouteTableViews.ToRow(earlier, vpc, targets, earlierTags(id))), command.ClientToken);
            }

            if (vpc is null) throw Ec2Errors.VpcNotFound(vpcId);
            if (await db.RouteTables.CountAsync(t => t.VpcId == vpcId, cancellationToken) >= quotas.RouteTablesPerVpc)
                throw Ec2Errors.RouteTableLimitExceeded(vpcId);
            var table = new Domain.Model.RouteTable { AccountId = request.AccountId, Region = request.Region, Id = id, VpcId = vpcId };
            db.RouteTables.Add(table);
            var applied = await tags.ApplyAsync(command.TagSpecifications, RouteTableViews.ResourceType, id, quotas.TagsPerResource, cancellationToken);
            return new Result(RouteTableViews.ToShape(RouteTableViews.ToRow(table, vpc, RouteTargetState.None, applied)), command.ClientToken);
        }, cancellationToken);
    }
}
