using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.InternetGateways;

/// <summary>
/// Detaches a gateway from the VPC it is attached to (Gateway.NotAttached for any other VPC). "The VPC must not contain
/// any running instances with Elastic IP addresses or public IPv4 addresses": an interface of the VPC holding a public
/// address is a DependencyViolation, as is a route table edge association of the gateway (disassociate it first).
/// Routes to the gateway stay and show <c>blackhole</c> until it is attached again.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DetachInternetGateway.html
/// </summary>
public static class DetachInternetGateway
{
    public sealed record Command : ICommand<Empty>, IDryRunnable, IGatewayAttachment
    {
        public string? InternetGatewayId { get; init; }
        public string? VpcId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidAttachment();
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var (gatewayId, vpcId) = (command.InternetGatewayId!, command.VpcId!);
            var gateway = await db.InternetGateways.FirstOrDefaultAsync(g => g.Id == gatewayId, cancellationToken)
                ?? throw Ec2Errors.InternetGatewayNotFound(gatewayId);
            if (!await db.Vpcs.AnyAsync(v => v.Id == vpcId, cancellationToken)) throw Ec2Errors.VpcNotFound(vpcId);
            if (gateway.AttachedVpcId != vpcId) throw Ec2Errors.InternetGatewayNotAttached(gatewayId, vpcId);
            if (await db.RouteTableAssociations.Where(a => a.GatewayId == gatewayId).Select(a => a.Id).FirstOrDefaultAsync(cancellationToken) is { } edge)
                throw Ec2Errors.InternetGatewayEdgeAssociated(gatewayId, edge);
            if (await db.NetworkInterfaces.AnyAsync(n => n.VpcId == vpcId && n.PublicIp != null, cancellationToken))
                throw Ec2Errors.InternetGatewayPublicAddressesMapped(vpcId);
            gateway.AttachedVpcId = null;
            return Empty.Instance;
        }, cancellationToken);
    }
}
