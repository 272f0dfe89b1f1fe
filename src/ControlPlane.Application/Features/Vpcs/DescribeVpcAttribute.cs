using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Vpcs;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcAttribute.html</summary>
public static class DescribeVpcAttribute
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? VpcId { get; init; }
        public string? Attribute { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(
        string VpcId,
        AttributeBooleanValue? EnableDnsHostnames = null,
        AttributeBooleanValue? EnableDnsSupport = null,
        AttributeBooleanValue? EnableNetworkAddressUsageMetrics = null);

    private static readonly string[] Attributes = ["enableDnsSupport", "enableDnsHostnames", "enableNetworkAddressUsageMetrics"];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VpcId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Vpc)).WithAwsError((_, id) => Ec2Errors.VpcIdMalformed(id));
            RuleFor(c => c.Attribute!).Must(a => Attributes.Contains(a)).WithAwsError((_, a) => Ec2Errors.InvalidVpcAttribute(a));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var vpc = await db.Vpcs.AsNoTracking().FirstOrDefaultAsync(v => v.Id == command.VpcId, cancellationToken)
                ?? throw Ec2Errors.VpcNotFound(command.VpcId!);
            return command.Attribute switch
            {
                "enableDnsSupport" => new Result(vpc.Id, EnableDnsSupport: new(vpc.EnableDnsSupport)),
                "enableDnsHostnames" => new Result(vpc.Id, EnableDnsHostnames: new(vpc.EnableDnsHostnames)),
                _ => new Result(vpc.Id, EnableNetworkAddressUsageMetrics: new(vpc.EnableNetworkAddressUsageMetrics)),
            };
        }
    }
}
