using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.InternetGateways;

/// <summary>
/// Deletes a detached gateway ("You must detach the internet gateway from the VPC before you can delete it": an attached
/// one is a DependencyViolation). Routes that named it stay as <c>blackhole</c> routes, as AWS keeps them.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteInternetGateway.html
/// </summary>
public static class DeleteInternetGateway
{
    public sealed record Command : ICommand<Empty>, IDryRunnable, IGatewayAttachment
    {
        public string? InternetGatewayId { get; init; }
        public bool? DryRun { get; init; }

        string? IGatewayAttachment.VpcId => null;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidGatewayId();
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.InternetGatewayId!;
            var gateway = await db.InternetGateways.FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw Ec2Errors.InternetGatewayNotFound(id);
            if (gateway.AttachedVpcId is not null) throw Ec2Errors.InternetGatewayDependencyViolation(id);
            await tags.RemoveAllAsync(id, cancellationToken);
            db.InternetGateways.Remove(gateway);
            return Empty.Instance;
        }, cancellationToken);
    }
}
