using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// One attribute of an instance. Terraform reads instanceInitiatedShutdownBehavior, disableApiStop,
/// disableApiTermination and userData on every refresh and fails without any of them.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceAttribute.html
/// </summary>
public static class DescribeInstanceAttribute
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? InstanceId { get; init; }
        public string? Attribute { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result
    {
        public required string InstanceId { get; init; }
        public IReadOnlyList<InstanceShapes.InstanceBlockDeviceMapping>? BlockDeviceMappings { get; init; }
        public AttributeBooleanValue? DisableApiStop { get; init; }
        public AttributeBooleanValue? DisableApiTermination { get; init; }
        public AttributeBooleanValue? EbsOptimized { get; init; }
        public AttributeBooleanValue? EnaSupport { get; init; }
        public InstanceShapes.EnclaveOptions? EnclaveOptions { get; init; }
        public IReadOnlyList<InstanceShapes.GroupIdentifier>? Groups { get; init; }
        public AttributeValue? InstanceInitiatedShutdownBehavior { get; init; }
        public AttributeValue? InstanceType { get; init; }
        public AttributeValue? KernelId { get; init; }
        public IReadOnlyList<InstanceShapes.ProductCode>? ProductCodes { get; init; }
        public AttributeValue? RamdiskId { get; init; }
        public AttributeValue? RootDeviceName { get; init; }
        public AttributeBooleanValue? SourceDestCheck { get; init; }
        public AttributeValue? SriovNetSupport { get; init; }
        public AttributeValue? UserData { get; init; }
    }

    private static readonly string[] Attributes =
    [
        "instanceType", "kernel", "ramdisk", "userData", "disableApiTermination", "instanceInitiatedShutdownBehavior", "rootDeviceName",
        "blockDeviceMapping", "productCodes", "sourceDestCheck", "groupSet", "ebsOptimized", "sriovNetSupport", "enaSupport", "enclaveOptions", "disableApiStop",
    ];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.InstanceId).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("InstanceId"));
            RuleFor(c => c.InstanceId).Must(id => string.IsNullOrEmpty(id) || ResourceIds.IsWellFormed(id, ResourceIds.Instance)).WithAwsError((_, id) => Ec2Errors.InstanceIdMalformed(id!));
            RuleFor(c => c.Attribute).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("Attribute"));
            RuleFor(c => c.Attribute).Must(a => string.IsNullOrEmpty(a) || Attributes.Contains(a)).WithAwsError((_, a) => Ec2Errors.InvalidInstanceAttribute(a!));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, TimeProvider time) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var i = await db.LoadInstanceAsync(command.InstanceId, time.GetUtcNow(), tracked: false, cancellationToken);
            var result = new Result { InstanceId = i.Id };
            static AttributeBooleanValue B(bool v) => new(v);
            switch (command.Attribute)
            {
                case "instanceType": return result with { InstanceType = new AttributeValue(i.InstanceType) };
                case "kernel": return result with { KernelId = new AttributeValue(null) };
                case "ramdisk": return result with { RamdiskId = new AttributeValue(null) };
                case "userData": return result with { UserData = new AttributeValue(i.UserData) };
                case "disableApiTermination": return result with { DisableApiTermination = B(i.DisableApiTermination) };
                case "disableApiStop": return result with { DisableApiStop = B(i.DisableApiStop) };
                case "instanceInitiatedShutdownBehavior": return result with { InstanceInitiatedShutdownBehavior = new AttributeValue(i.InstanceInitiatedShutdownBehavior) };
                case "rootDeviceName": return result with { RootDeviceName = new AttributeValue(InstanceViews.RootDevice) };
                case "blockDeviceMapping":
                    return result with
                    {
                        BlockDeviceMappings = i.State == "terminated" ? [] :
                            [new InstanceShapes.InstanceBlockDeviceMapping(InstanceViews.RootDevice, new InstanceShapes.EbsInstanceBlockDevice(i.LaunchTime, true, "attached", i.RootVolumeId))],
                    };
                case "productCodes": return result with { ProductCodes = [] };
                case "ebsOptimized": return result with { EbsOptimized = B(i.EbsOptimized) };
                case "sriovNetSupport": return result with { SriovNetSupport = new AttributeValue("simple") };
                case "enaSupport": return result with { EnaSupport = B(true) };
                case "enclaveOptions": return result with { EnclaveOptions = new InstanceShapes.EnclaveOptions(false) };
            }
            var eni = await db.NetworkInterfaces.AsNoTracking().Include(n => n.Groups)
                .FirstOrDefaultAsync(n => n.AttachedInstanceId == i.Id && n.DeviceIndex == 0, cancellationToken);
            if (command.Attribute == "sourceDestCheck") return result with { SourceDestCheck = B(eni?.SourceDestCheck ?? true) };
            var ids = eni?.Groups.Select(g => g.GroupId).ToList() ?? [];
            var names = await db.SecurityGroups.AsNoTracking().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.GroupName, StringComparer.Ordinal, cancellationToken);
            return result with
            {
                Groups = eni is null ? [] : eni.Groups.OrderBy(g => g.Position).Select(g => new InstanceShapes.GroupIdentifier(g.GroupId, names.GetValueOrDefault(g.GroupId))).ToList(),
            };
        }
    }
}
