using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NatGateways;

/// <summary>
/// Deletes a NAT gateway: its interface goes (freeing its address) and its Elastic IP is disassociated, staying
/// allocated. The gateway reads <c>deleted</c> with its DeleteTime for an hour, as AWS keeps deleted gateways visible
/// for about that long; deleting it again answers the same. Routes to it turn <c>blackhole</c>.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteNatGateway.html
/// </summary>
public static class DeleteNatGateway
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? NatGatewayId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(string NatGatewayId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NatGatewayId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("NatGatewayId"));
            RuleFor(c => c.NatGatewayId!).Must(id => ResourceIds.IsWellFormed(id, NatGatewayViews.IdPrefix)).When(c => c.NatGatewayId is not null)
                .WithAwsError((_, id) => Ec2Errors.NatGatewayIdMalformed(id));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, TimeProvider clock) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.NatGatewayId!;
            var now = clock.GetUtcNow();
            var gateway = await db.NatGateways.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
            if (gateway is null || !NatGatewayViews.IsVisible(gateway, now)) throw Ec2Errors.NatGatewayNotFound(id);
            if (gateway.State == NatGatewayViews.Deleted) return new Result(id);
            if (gateway.NetworkInterfaceId is { } eniId) await ManagedInterfaces.DeleteAsync(db, tags, eniId, cancellationToken);
            gateway.State = NatGatewayViews.Deleted;
            gateway.DeleteTime = now;
            return new Result(id);
        }, cancellationToken);
    }
}
