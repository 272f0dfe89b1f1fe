using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// One attribute per call: the groups (the whole set is replaced, same rules as on create), the description, the
/// source/destination check, or the attachment's delete-on-termination. A requester-managed interface belongs to the
/// service that made it: only its tags can change.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyNetworkInterfaceAttribute.html
/// </summary>
public static class ModifyNetworkInterfaceAttribute
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? NetworkInterfaceId { get; init; }
        public IReadOnlyList<string>? Groups { get; init; }
        public AttributeValue? Description { get; init; }
        public AttributeBooleanValue? SourceDestCheck { get; init; }
        public InterfaceShapes.NetworkInterfaceAttachmentChanges? Attachment { get; init; }
        public bool? AssociatePublicIpAddress { get; init; }
        public IReadOnlyList<string>? AssociatedSubnetIds { get; init; }
        public InterfaceShapes.ConnectionTrackingSpecificationRequest? ConnectionTrackingSpecification { get; init; }
        public InterfaceShapes.EnaSrdSpecification? EnaSrdSpecification { get; init; }
        public bool? EnablePrimaryIpv6 { get; init; }
        public bool? DryRun { get; init; }

        public int SupportedGiven() => new object?[] { Groups, Description, SourceDestCheck, Attachment }.Count(a => a is not null);

        public bool UnsupportedGiven() =>
            new object?[] { AssociatePublicIpAddress, AssociatedSubnetIds, ConnectionTrackingSpecification, EnaSrdSpecification, EnablePrimaryIpv6 }.Any(a => a is not null);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidInterfaceId(c => c.NetworkInterfaceId);
            RuleFor(c => c.UnsupportedGiven()).Equal(false).WithAwsError((_, _) => Ec2Errors.UnsupportedOperation(
                "ControlPlane modifies the groups, description, source/destination check and delete-on-termination of a network interface; "
                + "public IPv4 addressing, associated subnets, connection tracking, ENA Express and primary IPv6 are not supported."));
            RuleFor(c => c.SupportedGiven()).Equal(1).WithAwsError((_, n) => n == 0
                ? Ec2Errors.MissingParameter("SecurityGroupId, Description, SourceDestCheck or Attachment")
                : Ec2Errors.InvalidParameterCombination("Fields for multiple attribute types specified: groupSet, description, sourceDestCheck, attachment"));
            this.ValidGroupIds(c => c.Groups);
            this.ValidDescription(c => c.Description?.Value);
            RuleFor(c => c.SourceDestCheck).Must(v => v is null || v.Value is not null).WithAwsError((_, _) => Ec2Errors.MissingParameter("SourceDestCheck.Value"));
            RuleFor(c => c.Attachment).Must(a => a is null || a.AttachmentId is not null).WithAwsError((_, _) => Ec2Errors.MissingParameter("Attachment.AttachmentId"));
            RuleFor(c => c.Attachment).Must(a => a is null || a.DeleteOnTermination is not null)
                .WithAwsError((_, _) => Ec2Errors.MissingParameter("Attachment.DeleteOnTermination"));
            RuleFor(c => c.Attachment).Must(a => a is null || (a.EnaQueueCount is null && a.DefaultEnaQueueCount is null))
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("ENA queue counts are not supported by ControlPlane."));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, IOptions<ControlPlaneOptions> options) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var eni = (await db.FindInterfaceAsync(command.NetworkInterfaceId!, cancellationToken)).RequireUserManaged();
            if (command.Groups is { } requested)
            {
                var groups = await db.ResolveInterfaceGroupsAsync(requested, eni.VpcId, eni.SubnetId, options.Value.Quotas.SecurityGroupsPerInterface, cancellationToken);
                await db.ReplaceGroupsAsync(eni, groups, cancellationToken);
            }
            if (command.Description is { } description) eni.Description = description.Value ?? "";
            if (command.SourceDestCheck?.Value is { } check) eni.SourceDestCheck = check;
            if (command.Attachment is { } attachment)
            {
                if (eni.AttachmentId is null || eni.AttachmentId != attachment.AttachmentId) throw Ec2Errors.AttachmentNotFound(attachment.AttachmentId!);
                eni.DeleteOnTermination = attachment.DeleteOnTermination;
            }
            return Empty.Instance;
        }, cancellationToken);
    }
}
