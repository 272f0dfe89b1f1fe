using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// Changes one attribute of an instance, given either as its own parameter (<c>DisableApiTermination.Value=true</c>)
/// or as <c>Attribute</c> + <c>Value</c>. GroupId.N replaces the primary interface's groups under the interface rules;
/// the instance type changes only while stopped; SourceDestCheck is the primary interface's.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceAttribute.html
/// </summary>
public static class ModifyInstanceAttribute
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? InstanceId { get; init; }
        public string? Attribute { get; init; }
        public string? Value { get; init; }
        public IReadOnlyList<string>? Groups { get; init; }
        public AttributeBooleanValue? DisableApiTermination { get; init; }
        public AttributeBooleanValue? DisableApiStop { get; init; }
        public AttributeValue? InstanceType { get; init; }
        public InstanceShapes.BlobAttributeValue? UserData { get; init; }
        public AttributeBooleanValue? SourceDestCheck { get; init; }
        public AttributeBooleanValue? EbsOptimized { get; init; }
        public AttributeBooleanValue? EnaSupport { get; init; }
        public AttributeValue? InstanceInitiatedShutdownBehavior { get; init; }
        public AttributeValue? Kernel { get; init; }
        public AttributeValue? Ramdisk { get; init; }
        public AttributeValue? SriovNetSupport { get; init; }
        public bool? DryRun { get; init; }

        public int Count() =>
            new object?[] { Attribute, Groups is { Count: > 0 } ? Groups : null, DisableApiTermination, DisableApiStop, InstanceType, UserData, SourceDestCheck,
                EbsOptimized, EnaSupport, InstanceInitiatedShutdownBehavior, Kernel, Ramdisk, SriovNetSupport }.Count(v => v is not null);
    }

    private static readonly string[] Attributes =
        ["instanceType", "userData", "disableApiTermination", "disableApiStop", "instanceInitiatedShutdownBehavior", "sourceDestCheck", "ebsOptimized", "groupSet"];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.InstanceId).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("InstanceId"));
            RuleFor(c => c.InstanceId).Must(id => string.IsNullOrEmpty(id) || ResourceIds.IsWellFormed(id, ResourceIds.Instance)).WithAwsError((_, id) => Ec2Errors.InstanceIdMalformed(id!));
            RuleFor(c => c.Count()).Equal(1).WithAwsError((_, _) => Ec2Errors.OneInstanceAttribute());
            RuleFor(c => c.Attribute).Must(a => a is null || Attributes.Contains(a)).WithAwsError((_, a) => Ec2Errors.InvalidInstanceAttribute(a!));
            RuleFor(c => c).Must(c => c.Attribute is null || c.Value is not null).WithAwsError((_, _) => Ec2Errors.MissingParameter("Value"));
            this.ValidGroupIds(c => c.Groups);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TimeProvider time, IOptions<ControlPlaneOptions> options) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var instance = await db.LoadInstanceAsync(command.InstanceId, time.GetUtcNow(), tracked: true, cancellationToken);
            if (instance.State == "terminated") throw Ec2Errors.IncorrectInstanceState(instance.Id, instance.State);
            var (name, value) = Normalize(command);
            switch (name)
            {
                case "disableApiTermination": instance.DisableApiTermination = Bool(value); break;
                case "disableApiStop": instance.DisableApiStop = Bool(value); break;
                case "ebsOptimized": instance.EbsOptimized = Bool(value); break;
                case "userData": instance.UserData = value; break;
                case "instanceInitiatedShutdownBehavior":
                    instance.InstanceInitiatedShutdownBehavior = value is "stop" or "terminate" ? value : throw Ec2Errors.InvalidParameterValue(value ?? "", "InstanceInitiatedShutdownBehavior");
                    break;
                case "instanceType":
                    if (InstanceTypeCatalog.Find(value) is not { } type) throw Ec2Errors.UnknownInstanceType(value ?? "");
                    if (instance.State != "stopped") throw Ec2Errors.InstanceTypeChangeWhileRunning(instance.Id);
                    instance.InstanceType = type.Name;
                    break;
                case "sourceDestCheck":
                    (await db.PrimaryInterfaceAsync(instance.Id, cancellationToken) ?? throw Ec2Errors.IncorrectInstanceState(instance.Id, instance.State)).SourceDestCheck = Bool(value);
                    break;
                case "groupSet":
                    var eni = await db.PrimaryInterfaceAsync(instance.Id, cancellationToken) ?? throw Ec2Errors.IncorrectInstanceState(instance.Id, instance.State);
                    var groups = await db.ResolveInterfaceGroupsAsync(command.Groups, eni.VpcId, eni.SubnetId, options.Value.Quotas.SecurityGroupsPerInterface, cancellationToken);
                    await db.ReplaceGroupsAsync(eni, groups, cancellationToken);
                    break;
                default:
                    throw Ec2Errors.UnsupportedOperation($"The attribute {name} cannot be changed by ControlPlane.");
            }
            return Empty.Instance;
        }, cancellationToken);

        private static bool Bool(string? value) => value switch
        {
            "true" or "True" => true,
            "false" or "False" => false,
            _ => throw Ec2Errors.InvalidParameterValue(value ?? "", "value"),
        };

        private static (string Name, string? Value) Normalize(Command c)
        {
            static string B(bool? v) => v == true ? "true" : v == false ? "false" : "";
            if (c.Attribute is not null) return (c.Attribute, c.Value);
            if (c.Groups is { Count: > 0 }) return ("groupSet", null);
            if (c.DisableApiTermination is { } t) return ("disableApiTermination", B(t.Value));
            if (c.DisableApiStop is { } s) return ("disableApiStop", B(s.Value));
            if (c.EbsOptimized is { } e) return ("ebsOptimized", B(e.Value));
            if (c.SourceDestCheck is { } d) return ("sourceDestCheck", B(d.Value));
            if (c.InstanceType is { } it) return ("instanceType", it.Value);
            if (c.UserData is { } u) return ("userData", u.Value);
            if (c.InstanceInitiatedShutdownBehavior is { } b) return ("instanceInitiatedShutdownBehavior", b.Value);
            if (c.EnaSupport is not null) return ("enaSupport", null);
            if (c.Kernel is not null) return ("kernel", null);
            if (c.Ramdisk is not null) return ("ramdisk", null);
            return ("sriovNetSupport", null);
        }
    }
}
