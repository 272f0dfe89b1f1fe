using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Vpcs;

/// <summary>
/// One attribute per call. DNS hostnames need DNS support: AWS refuses to enable hostnames while support is off,
/// and to disable support while hostnames are on.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcAttribute.html
/// </summary>
public static class ModifyVpcAttribute
{
    public sealed record Command : ICommand<Empty>
    {
        public string? VpcId { get; init; }
        public AttributeBooleanValue? EnableDnsHostnames { get; init; }
        public AttributeBooleanValue? EnableDnsSupport { get; init; }
        public AttributeBooleanValue? EnableNetworkAddressUsageMetrics { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VpcId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Vpc)).WithAwsError((_, id) => Ec2Errors.VpcIdMalformed(id));
            RuleFor(c => Count(c)).Equal(1).WithAwsError((_, n) => n == 0
                ? Ec2Errors.MissingParameter("EnableDnsHostnames, EnableDnsSupport or EnableNetworkAddressUsageMetrics")
                : Ec2Errors.InvalidParameterCombination("Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport, enableNetworkAddressUsageMetrics"));
            RuleFor(c => c).Must(c => Given(c).All(a => a.Value is not null)).WithAwsError((_, _) => Ec2Errors.MissingParameter("Value"));
        }

        private static int Count(Command c) => Given(c).Count();

        private static IEnumerable<AttributeBooleanValue> Given(Command c) =>
            new[] { c.EnableDnsHostnames, c.EnableDnsSupport, c.EnableNetworkAddressUsageMetrics }.OfType<AttributeBooleanValue>();
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var vpc = await db.Vpcs.FirstOrDefaultAsync(v => v.Id == command.VpcId, cancellationToken) ?? throw Ec2Errors.VpcNotFound(command.VpcId!);
            if (command.EnableDnsHostnames?.Value is { } hostnames)
            {
                if (hostnames && !vpc.EnableDnsSupport)
                    throw Ec2Errors.InvalidParameterValue("Cannot enable DNS hostnames for a VPC that has DNS support disabled.");
                vpc.EnableDnsHostnames = hostnames;
            }
            if (command.EnableDnsSupport?.Value is { } support)
            {
                if (!support && vpc.EnableDnsHostnames)
                    throw Ec2Errors.InvalidParameterValue("Cannot disable DNS support for a VPC that has DNS hostnames enabled.");
                vpc.EnableDnsSupport = support;
            }
            if (command.EnableNetworkAddressUsageMetrics?.Value is { } metrics) vpc.EnableNetworkAddressUsageMetrics = metrics;
            return Empty.Instance;
        }, cancellationToken);
    }
}
