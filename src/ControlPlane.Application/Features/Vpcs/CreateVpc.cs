using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Networking;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Vpcs;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpc.html</summary>
public static class CreateVpc
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? CidrBlock { get; init; }
        public bool? AmazonProvidedIpv6CidrBlock { get; init; }
        public string? Ipv6Pool { get; init; }
        public string? Ipv6CidrBlock { get; init; }
        public string? Ipv4IpamPoolId { get; init; }
        public int? Ipv4NetmaskLength { get; init; }
        public string? Ipv6IpamPoolId { get; init; }
        public int? Ipv6NetmaskLength { get; init; }
        public string? Ipv6CidrBlockNetworkBorderGroup { get; init; }
        public string? InstanceTenancy { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(Shapes.Vpc Vpc);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Ipv4IpamPoolId).Null().WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("IPAM pools are not supported by ControlPlane; give CidrBlock."));
            RuleFor(c => c.Ipv6IpamPoolId).Null().WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("IPAM pools are not supported by ControlPlane; use AmazonProvidedIpv6CidrBlock."));
            RuleFor(c => c.Ipv6Pool).Null().WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("BYOIP IPv6 pools are not supported by ControlPlane; use AmazonProvidedIpv6CidrBlock."));
            RuleFor(c => c.Ipv6CidrBlock).Null().WithAwsError((_, _) => Ec2Errors.InvalidParameterCombination("The parameter Ipv6CidrBlock requires Ipv6Pool."));
            RuleFor(c => c.CidrBlock).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("CidrBlock"));
            RuleFor(c => c.CidrBlock!).Must(BeIpv4Cidr).When(c => c.CidrBlock is not null)
                .WithAwsError((_, v) => Ec2Errors.InvalidCidrBlock(v));
            RuleFor(c => c.CidrBlock!).Must(VpcRules.HasVpcSize).When(c => BeIpv4Cidr(c.CidrBlock))
                .WithAwsError((_, v) => Ec2Errors.InvalidVpcRange(v));
            RuleFor(c => c.InstanceTenancy).Must(t => t is null or "default" or "dedicated")
                .WithAwsError((_, v) => Ec2Errors.InvalidParameterValue(v!, "instanceTenancy"));
            this.ValidTagSpecifications("vpc");
        }

        private static bool BeIpv4Cidr(string? text) => Cidr.TryParse(text, out var c) && !c.IsIpv6;
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, VpcBuilder builder, Ipv6Allocator ipv6, TagStore tags,
        Microsoft.Extensions.Options.IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var quotas = options.Value.Quotas;
            if (await db.Vpcs.CountAsync(cancellationToken) >= quotas.VpcsPerRegion) throw Ec2Errors.VpcLimitExceeded();
            _ = Cidr.TryParse(command.CidrBlock, out var cidr);
            Cidr? block6 = command.AmazonProvidedIpv6CidrBlock == true ? await ipv6.AllocateVpcBlockAsync(cancellationToken) : null;
            var created = builder.Add(cidr, isDefault: false, command.InstanceTenancy ?? "default", block6, enableDnsHostnames: false);
            var applied = await tags.ApplyAsync(command.TagSpecifications, "vpc", created.Vpc.Id, quotas.TagsPerResource, cancellationToken);
            // AWS answers CreateVpc while the VPC is still "pending"; Describe shows it "available" straight after.
            return new Result(VpcViews.ToShape(created.Vpc, applied, state: "pending"));
        }, cancellationToken);
    }
}
