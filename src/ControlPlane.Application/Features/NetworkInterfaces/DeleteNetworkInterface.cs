using ControlPlane.Application.Features.Addresses;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// Deletes an interface, freeing its addresses, group memberships and tags; its Elastic IPs are disassociated and stay
/// allocated. An attached interface, or one a service owns (requester-managed: the service deletes it with its resource),
/// is "currently in use".
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteNetworkInterface.html
/// </summary>
public static class DeleteNetworkInterface
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? NetworkInterfaceId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidInterfaceId(c => c.NetworkInterfaceId);
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.NetworkInterfaceId!;
            var eni = await db.NetworkInterfaces.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
                ?? throw Ec2Errors.NetworkInterfaceNotFound(id);
            if (eni.AttachmentId is not null || eni.RequesterManaged) throw Ec2Errors.NetworkInterfaceCurrentlyInUse(id);

            await db.NetworkInterfacePrivateIps.Where(p => p.NetworkInterfaceId == id).ExecuteDeleteAsync(cancellationToken);
            await db.NetworkInterfaceIpv6Addresses.Where(p => p.NetworkInterfaceId == id).ExecuteDeleteAsync(cancellationToken);
            await db.NetworkInterfaceGroups.Where(g => g.NetworkInterfaceId == id).ExecuteDeleteAsync(cancellationToken);
            await AddressAssociations.DisassociateFromInterfaceAsync(db, id, cancellationToken);
            await tags.RemoveAllAsync(id, cancellationToken);
            await db.NetworkInterfaces.Where(n => n.Id == id).ExecuteDeleteAsync(cancellationToken);
            return Empty.Instance;
        }, cancellationToken);
    }
}
