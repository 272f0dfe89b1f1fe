using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.Vpcs;

/// <summary>
/// Adds a secondary IPv4 block or an Amazon-provided IPv6 /56. With IPv6, AWS also opens the VPC's defaults to it:
/// security groups whose outbound rules were never changed get the <c>::/0</c> egress rule, and the default network
/// ACL gets rule 101 allowing <c>::/0</c> in each direction whose rules were never changed.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateVpcCidrBlock.html
/// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-migrate-ipv6.html
/// </summary>
public static class AssociateVpcCidrBlock
{
    public sealed record Command : ICommand<Result>
    {
        public string? VpcId { get; init; }
        public string? CidrBlock { get; init; }
        public bool? AmazonProvidedIpv6CidrBlock { get; init; }
        public string? Ipv6CidrBlockNetworkBorderGroup { get; init; }
        public string? Ipv6Pool { get; init; }
        public string? Ipv6CidrBlock { get; init; }
        public string? Ipv4IpamPoolId { get; init; }
        public int? Ipv4NetmaskLength { get; init; }
        public string? Ipv6IpamPoolId { get; init; }
        public int? Ipv6NetmaskLength { get; init; }
    }

    public sealed record Result(string VpcId, VpcCidrBlockAssociation? CidrBlockAssociation, VpcIpv6CidrBlockAssociation? Ipv6CidrBlockAssociation);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VpcId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Vpc)).WithAwsError((_, id) => Ec2Errors.VpcIdMalformed(id));
            RuleFor(c => c.Ipv4IpamPoolId ?? c.Ipv6IpamPoolId ?? c.Ipv6Pool).Null()
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("IPAM and BYOIP pools are not supported by ControlPlane."));
            RuleFor(c => c.Ipv6CidrBlock).Null().WithAwsError((_, _) => Ec2Errors.InvalidParameterCombination("The parameter Ipv6CidrBlock requires Ipv6Pool."));
            RuleFor(c => c).Must(c => (c.CidrBlock is not null) ^ (c.AmazonProvidedIpv6CidrBlock == true))
                .WithAwsError((_, _) => Ec2Errors.InvalidParameterCombination("Exactly one of CidrBlock or AmazonProvidedIpv6CidrBlock must be specified."));
            RuleFor(c => c.CidrBlock!).Must(t => Cidr.TryParse(t, out var c) && !c.IsIpv6).When(c => c.CidrBlock is not null)
                .WithAwsError((_, v) => Ec2Errors.InvalidCidrBlock(v));
            RuleFor(c => c.CidrBlock!).Must(VpcRules.HasVpcSize).When(c => Cidr.TryParse(c.CidrBlock, out var b) && !b.IsIpv6)
                .WithAwsError((_, v) => Ec2Errors.InvalidVpcRange(v));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, VpcBuilder builder, Ipv6Allocator ipv6, IIdGenerator ids, IOptions<ControlPlaneOptions> options)
        : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var vpc = await db.Vpcs.Include(v => v.CidrBlocks).FirstOrDefaultAsync(v => v.Id == command.VpcId, cancellationToken)
                ?? throw Ec2Errors.VpcNotFound(command.VpcId!);
            var quotas = options.Value.Quotas;
            if (command.CidrBlock is not null)
            {
                _ = Cidr.TryParse(command.CidrBlock, out var cidr);
                var ipv4 = vpc.CidrBlocks.Where(c => !c.IsIpv6).ToList();
                if (ipv4.Count >= quotas.Ipv4CidrBlocksPerVpc) throw Ec2Errors.CidrLimitExceeded(vpc.Id, quotas.Ipv4CidrBlocksPerVpc);
                if (ipv4.Any(c => Cidr.TryParse(c.Cidr, out var other) && other.Overlaps(cidr))) throw Ec2Errors.VpcCidrConflict(cidr.ToString(), vpc.Id);
                var block = new VpcCidrBlock { AssociationId = ids.NewId(ResourceIds.VpcCidrAssociation), VpcId = vpc.Id, Cidr = cidr.ToString() };
                db.VpcCidrBlocks.Add(block);
                return new Result(vpc.Id, new VpcCidrBlockAssociation(block.AssociationId, block.Cidr, new VpcCidrBlockState("associating")), null);
            }

            var existing6 = vpc.CidrBlocks.Count(c => c.IsIpv6);
            if (existing6 >= quotas.Ipv6CidrBlocksPerVpc) throw Ec2Errors.CidrLimitExceeded(vpc.Id, quotas.Ipv6CidrBlocksPerVpc);
            var block6 = builder.NewIpv6Block(vpc.Id, await ipv6.AllocateVpcBlockAsync(cancellationToken));
            db.VpcCidrBlocks.Add(block6);
            if (existing6 == 0) await OpenDefaultsToIpv6Async(vpc.Id, cancellationToken);
            return new Result(vpc.Id, null, new VpcIpv6CidrBlockAssociation(
                block6.AssociationId, block6.Cidr, new VpcCidrBlockState("associating"), block6.NetworkBorderGroup, block6.Ipv6Pool));
        }, cancellationToken);

        private async Task OpenDefaultsToIpv6Async(string vpcId, CancellationToken cancellationToken)
        {
            var groups = await db.SecurityGroups.Include(g => g.Rules).Where(g => g.VpcId == vpcId).ToListAsync(cancellationToken);
            foreach (var group in groups)
            {
                var egress = group.Rules.Where(r => r.IsEgress).ToList();
                // "Unchanged" is read from the rules themselves: exactly the allow-all IPv4 egress rule a group starts with.
                if (egress is [{ Protocol: -1, CidrIpv4: "0.0.0.0/0" }])
                {
                    var rule = builder.NewRule(group.Id, true,
                        new Domain.SecurityGroups.RuleSpec(IpProtocol.All, Domain.Networking.PortRange.AllPorts, Domain.SecurityGroups.RulePeer.Ipv6(VpcBuilder.AnyIpv6), null),
                        group.Rules.Max(r => r.Sequence) + 1);
                    db.SecurityGroupRules.Add(rule);
                }
            }
            var acl = await db.NetworkAcls.Include(a => a.Entries).SingleAsync(a => a.VpcId == vpcId && a.IsDefault, cancellationToken);
            foreach (var egress in new[] { false, true })
            {
                var entries = acl.Entries.Where(e => e.Egress == egress).ToList();
                if (entries is [{ RuleNumber: 100, RuleAction: "allow", Protocol: "-1", CidrBlock: "0.0.0.0/0" }])
                    db.NetworkAclEntries.Add(VpcBuilder.AllowAll(acl.Id, 101, egress, ipv6: true));
            }
        }
    }
}
