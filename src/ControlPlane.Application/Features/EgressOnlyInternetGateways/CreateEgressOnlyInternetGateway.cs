using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.EgressOnlyInternetGateways;

/// <summary>
/// Creates an egress-only internet gateway (outbound-only IPv6) in a VPC; it is attached to that VPC from the start.
/// A ClientToken makes the call idempotent.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateEgressOnlyInternetGateway.html
/// </summary>
public static class CreateEgressOnlyInternetGateway
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? VpcId { get; init; }
        public string? ClientToken { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(string? ClientToken, EgressOnlyInternetGatewayShape EgressOnlyInternetGateway);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VpcId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("VpcId"));
            RuleFor(c => c.VpcId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Vpc)).When(c => c.VpcId is not null)
                .WithAwsError((_, id) => Ec2Errors.VpcIdMalformed(id));
            RuleFor(c => c.ClientToken!).Must(ClientTokenIds.IsValid).When(c => c.ClientToken is not null)
                .WithAwsError((_, t) => Ec2Errors.InvalidClientToken(t));
            this.ValidTagSpecifications(EgressOnlyInternetGatewayViews.ResourceType);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var quotas = options.Value.Quotas;
            var vpcId = command.VpcId!;
            var prefix = EgressOnlyInternetGatewayViews.IdPrefix;
            var id = command.ClientToken is { } token ? ClientTokenIds.Derive(prefix, request, token) : ids.NewId(prefix);
            if (command.ClientToken is not null
                && await db.EgressOnlyInternetGateways.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) is { } earlier)
            {
                if (earlier.VpcId != vpcId) throw Ec2Errors.IdempotentParameterMismatch(command.ClientToken);
                var earlierTags = await tags.LoadAsync([id], cancellationToken);
                return new Result(command.ClientToken, EgressOnlyInternetGatewayViews.ToShape(new EgressOnlyInternetGatewayViews.Row(earlier, earlierTags(id))));
            }

            if (!await db.Vpcs.AnyAsync(v => v.Id == vpcId, cancellationToken)) throw Ec2Errors.VpcNotFound(vpcId);
            if (await db.EgressOnlyInternetGateways.CountAsync(cancellationToken) >= quotas.EgressOnlyInternetGatewaysPerRegion)
                throw Ec2Errors.EgressOnlyInternetGatewayLimitExceeded();
            var gateway = new Domain.Model.EgressOnlyInternetGateway { AccountId = request.AccountId, Region = request.Region, Id = id, VpcId = vpcId };
            db.EgressOnlyInternetGateways.Add(gateway);
            var applied = await tags.ApplyAsync(command.TagSpecifications, EgressOnlyInternetGatewayViews.ResourceType, id, quotas.TagsPerResource, cancellationToken);
            return new Result(command.ClientToken, EgressOnlyInternetGatewayViews.ToShape(new EgressOnlyInternetGatewayViews.Row(gateway, applied)));
        }, cancellationToken);
    }
}
