using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// Detaches an interface by its attachment id. An instance's primary interface (device index 0) stays with it, and
/// attachments a service made (<c>ela-attach-…</c>, or any of a requester-managed interface) are the service's to
/// manage: both are OperationNotPermitted. The interface is <c>available</c> again straight away.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DetachNetworkInterface.html
/// </summary>
public static class DetachNetworkInterface
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? AttachmentId { get; init; }
        public bool? Force { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.AttachmentId!).Must(InterfaceRules.IsAttachmentId).WithAwsError((_, id) => Ec2Errors.AttachmentIdMalformed(id));
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.AttachmentId!;
            var eni = await db.NetworkInterfaces.FirstOrDefaultAsync(n => n.AttachmentId == id, cancellationToken) ?? throw Ec2Errors.AttachmentNotFound(id);
            if (eni.RequesterManaged || id.StartsWith(InterfaceRules.ServiceAttachmentPrefix, StringComparison.Ordinal))
                throw Ec2Errors.ServiceAttachment(id[..id.LastIndexOf('-')]);
            if (eni.DeviceIndex == 0) throw Ec2Errors.PrimaryInterfaceCannotBeDetached();

            eni.Detach();
            return Empty.Instance;
        }, cancellationToken);
    }
}
