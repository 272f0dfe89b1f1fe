using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.InternetGateways;

/// <summary>
/// Creates a detached internet gateway. The regional quota counts every gateway, the default VPC's included
/// (InternetGatewayLimitExceeded beyond it).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateInternetGateway.html
/// </summary>
public static class CreateInternetGateway
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(Shapes.InternetGateway InternetGateway);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidTagSpecifications(InternetGatewayViews.ResourceType);
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var quotas = options.Value.Quotas;
            if (await db.InternetGateways.CountAsync(cancellationToken) >= quotas.InternetGatewaysPerRegion) throw Ec2Errors.InternetGatewayLimitExceeded();
            var gateway = new Domain.Model.InternetGateway { AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.InternetGateway) };
            db.InternetGateways.Add(gateway);
            var applied = await tags.ApplyAsync(command.TagSpecifications, InternetGatewayViews.ResourceType, gateway.Id, quotas.TagsPerResource, cancellationToken);
            return new Result(InternetGatewayViews.ToShape(new InternetGatewayViews.Row(gateway, applied)));
        }, cancellationToken);
    }
}
