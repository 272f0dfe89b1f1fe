using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Networking;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Vpcs;

/// <summary>
/// Removes a secondary IPv4 block or an IPv6 block. The primary IPv4 block stays for the VPC's life, and a block
/// that subnets use is a DependencyViolation.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisassociateVpcCidrBlock.html
/// </summary>
public static class DisassociateVpcCidrBlock
{
    public sealed record Command : ICommand<Result>
    {
        public string? AssociationId { get; init; }
    }

    public sealed record Result(string VpcId, VpcCidrBlockAssociation? CidrBlockAssociation, VpcIpv6CidrBlockAssociation? Ipv6CidrBlockAssociation);

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.AssociationId!;
            var vpc = await db.Vpcs.Include(v => v.CidrBlocks).FirstOrDefaultAsync(v => v.CidrBlocks.Any(c => c.AssociationId == id), cancellationToken)
                ?? throw Ec2Errors.VpcCidrAssociationNotFound(id);
            var block = vpc.CidrBlocks.Single(c => c.AssociationId == id);
            if (!block.IsIpv6 && block.Cidr == vpc.CidrBlock) throw Ec2Errors.CannotDisassociatePrimaryCidr(id);
            _ = Cidr.TryParse(block.Cidr, out var cidr);
            var subnets = await db.Subnets.Include(s => s.Ipv6CidrBlocks).Where(s => s.VpcId == vpc.Id).ToListAsync(cancellationToken);
            var used = block.IsIpv6
                ? subnets.SelectMany(s => s.Ipv6CidrBlocks).Any(c => Cidr.TryParse(c.Cidr, out var s6) && cidr.Contains(s6))
                : subnets.Any(s => Cidr.TryParse(s.CidrBlock, out var s4) && cidr.Contains(s4));
            if (used) throw Ec2Errors.VpcCidrInUse(block.Cidr, vpc.Id);
            db.VpcCidrBlocks.Remove(block);
            var state = new VpcCidrBlockState("disassociating");
            return block.IsIpv6
                ? new Result(vpc.Id, null, new VpcIpv6CidrBlockAssociation(block.AssociationId, block.Cidr, state, block.NetworkBorderGroup, block.Ipv6Pool))
                : new Result(vpc.Id, new VpcCidrBlockAssociation(block.AssociationId, block.Cidr, state), null);
        }, cancellationToken);
    }
}
