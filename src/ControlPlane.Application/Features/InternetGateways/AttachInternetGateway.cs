using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.InternetGateways;

/// <summary>
/// Attaches a gateway to a VPC. A gateway attaches to one VPC at a time (Resource.AlreadyAssociated, "You also cannot
/// attach an internet gateway to more than one VPC at a time") and a VPC takes one internet gateway
/// (InvalidParameterValue "Network vpc-… already has an internet gateway attached").
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AttachInternetGateway.html
/// </summary>
public static class AttachInternetGateway
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
            if (gateway.AttachedVpcId is { } attached) throw Ec2Errors.InternetGatewayAlreadyAttached(gatewayId, attached);
            if (await db.InternetGateways.AnyAsync(g => g.AttachedVpcId == vpcId, cancellationToken)) throw Ec2Errors.VpcAlreadyHasInternetGateway(vpcId);
            gateway.AttachedVpcId = vpcId;
            return Empty.Instance;
        }, cancellationToken);
    }
}
