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
/// not belong to a service), then the instance. The store holds no instances until RunInstances lands (issue 3), so
/// every instance id is unknown and nothing is ever attached here yet; attachments are read from the interface's stored
/// fields by Describe, Detach and ModifyNetworkInterfaceAttribute.
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

    public sealed class Handler(ControlPlaneDbContext db) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var id = command.NetworkInterfaceId!;
            var eni = await db.NetworkInterfaces.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
                ?? throw Ec2Errors.NetworkInterfaceNotFound(id);
            if (eni.AttachmentId is not null) throw Ec2Errors.NetworkInterfaceAttached(id);
            eni.RequireUserManaged();
            throw Ec2Errors.InstanceNotFound(command.InstanceId!);
        }
    }
}
