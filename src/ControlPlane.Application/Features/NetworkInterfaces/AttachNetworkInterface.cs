using ControlPlane.Application.Features.Instances;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// Attaches an interface to an instance at a device index. The interface is checked first (it must exist, be free and
/// not belong to a service), then the instance: it must be running or stopped, in the interface's zone, with the
/// device index free. User attachments are <c>eni-attach-…</c> on network card 0, not deleted on termination.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AttachNetworkInterface.html
/// </summary>
public static class AttachNetworkInterface
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? NetworkInterfaceId { get; init; }
        public string? InstanceId { get; init; }
        public int? DeviceIndex { get; init; }
        public int? NetworkCardIndex { get; init; }
        public InterfaceShapes.EnaSrdSpecification? EnaSrdSpecification { get; init; }
        public int? EnaQueueCount { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(string AttachmentId, int? NetworkCardIndex);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidInterfaceId(c => c.NetworkInterfaceId);
            RuleFor(c => c.InstanceId!).Must(id => ResourceIds.IsWellFormed(id, InterfaceRules.InstancePrefix))
                .WithAwsError((_, id) => Ec2Errors.InstanceIdMalformed(id));
            RuleFor(c => c.DeviceIndex).GreaterThanOrEqualTo(0).WithAwsError((_, i) => Ec2Errors.InvalidParameterValue($"{i}", "deviceIndex"));
            RuleFor(c => c.NetworkCardIndex).GreaterThanOrEqualTo(0).WithAwsError((_, i) => Ec2Errors.InvalidParameterValue($"{i}", "networkCardIndex"));
            RuleFor(c => c.EnaQueueCount).GreaterThanOrEqualTo(1).WithAwsError((_, n) => Ec2Errors.InvalidParameterValue($"{n}", "enaQueueCount"));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, RequestContext request, TimeProvider time) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.NetworkInterfaceId!;
            var eni = await db.NetworkInterfaces.FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
                ?? throw Ec2Errors.NetworkInterfaceNotFound(id);
            if (eni.AttachmentId is not null) throw Ec2Errors.NetworkInterfaceAttached(id);
            eni.RequireUserManaged();
            var instance = await db.LoadInstanceAsync(command.InstanceId, time.GetUtcNow(), tracked: false, cancellationToken);
            if (instance.State is not ("running" or "stopped")) throw Ec2Errors.InstanceNotAttachable(instance.Id, instance.State);
            if (instance.AvailabilityZone != eni.AvailabilityZone) throw Ec2Errors.InterfaceInOtherZone(id, instance.Id);
            var index = command.DeviceIndex ?? throw Ec2Errors.MissingParameter("DeviceIndex");
            if (await db.NetworkInterfaces.AnyAsync(n => n.AttachedInstanceId == instance.Id && n.DeviceIndex == index, cancellationToken))
                throw Ec2Errors.DeviceIndexTaken(instance.Id, index);

            var attachmentId = InstanceAttachments.NewAttachmentId();
            eni.AttachTo(instance.Id, request.AccountId, attachmentId, index, deleteOnTermination: false, time.GetUtcNow());
            return new Result(attachmentId, 0);
        }, cancellationToken);
    }
}
