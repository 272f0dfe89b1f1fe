using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// One attribute of an interface: description, groupSet, sourceDestCheck, attachment (absent when not attached) or
/// associatePublicIpAddress.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInterfaceAttribute.html
/// </summary>
public static class DescribeNetworkInterfaceAttribute
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? NetworkInterfaceId { get; init; }
        public string? Attribute { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(
        string NetworkInterfaceId,
        AttributeValue? Description = null,
        IReadOnlyList<InterfaceShapes.GroupIdentifier>? Groups = null,
        AttributeBooleanValue? SourceDestCheck = null,
        InterfaceShapes.NetworkInterfaceAttachment? Attachment = null,
        bool? AssociatePublicIpAddress = null);

    private static readonly string[] Attributes = ["description", "groupSet", "sourceDestCheck", "attachment", "associatePublicIpAddress"];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidInterfaceId(c => c.NetworkInterfaceId);
            RuleFor(c => c.Attribute).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("Attribute"));
            RuleFor(c => c.Attribute!).Must(a => Attributes.Contains(a)).When(c => c.Attribute is not null)
                .WithAwsError((_, a) => Ec2Errors.InvalidNetworkInterfaceAttribute(a));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var id = command.NetworkInterfaceId!;
            var eni = await db.NetworkInterfaces.AsNoTracking().Include(n => n.Groups).FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
                ?? throw Ec2Errors.NetworkInterfaceNotFound(id);
            switch (command.Attribute)
            {
                case "description":
                    return new Result(id, Description: new AttributeValue(eni.Description));
                case "groupSet":
                    var groupIds = eni.Groups.Select(g => g.GroupId).ToList();
                    var names = await db.SecurityGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
                        .ToDictionaryAsync(g => g.Id, g => g.GroupName, StringComparer.Ordinal, cancellationToken);
                    return new Result(id, Groups: NetworkInterfaceViews.Groups(eni, names));
                case "sourceDestCheck":
                    return new Result(id, SourceDestCheck: new AttributeBooleanValue(eni.SourceDestCheck));
                case "attachment":
                    return new Result(id, Attachment: NetworkInterfaceViews.Attachment(eni));
                default:
                    return new Result(id, AssociatePublicIpAddress: eni.PublicIp is not null);
            }
        }
    }
}
