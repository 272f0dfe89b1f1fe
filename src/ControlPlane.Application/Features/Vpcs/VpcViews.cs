using ControlPlane.Application.Querying;
using ControlPlane.Domain.Model;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.Vpcs;

/// <summary>How a VPC reads on the wire, and the DescribeVpcs filter table.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html</summary>
public static class VpcViews
{
    public sealed record Row(Vpc Vpc, IReadOnlyList<Shape.Tag> Tags);

    public static Shape.Vpc ToShape(Vpc vpc, IReadOnlyList<Shape.Tag> tags, string? state = null)
    {
        var ipv6 = vpc.CidrBlocks.Where(c => c.IsIpv6).OrderBy(c => c.AssociationId, StringComparer.Ordinal)
            .Select(c => new Shape.VpcIpv6CidrBlockAssociation(c.AssociationId, c.Cidr, new Shape.VpcCidrBlockState(c.State), c.NetworkBorderGroup, c.Ipv6Pool))
            .ToList();
        return new Shape.Vpc(
            vpc.Id, vpc.AccountId, state ?? vpc.State, vpc.CidrBlock, vpc.DhcpOptionsId, vpc.InstanceTenancy, vpc.IsDefault,
            Ipv4Blocks(vpc).Select(c => new Shape.VpcCidrBlockAssociation(c.AssociationId, c.Cidr, new Shape.VpcCidrBlockState(c.State))).ToList(),
            ipv6.Count == 0 ? null : ipv6,
            tags);
    }

    /// <summary>The primary block first, then the secondary ones in the order they were added.</summary>
    public static IEnumerable<VpcCidrBlock> Ipv4Blocks(Vpc vpc) =>
        vpc.CidrBlocks.Where(c => !c.IsIpv6).OrderBy(c => c.Cidr == vpc.CidrBlock ? 0 : 1);

    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>
    {
        ["cidr"] = r => FilterValues.One(r.Vpc.CidrBlock),
        ["cidr-block-association.cidr-block"] = r => Ipv4Blocks(r.Vpc).Select(c => c.Cidr),
        ["cidr-block-association.association-id"] = r => Ipv4Blocks(r.Vpc).Select(c => c.AssociationId),
        ["cidr-block-association.state"] = r => Ipv4Blocks(r.Vpc).Select(c => c.State),
        ["dhcp-options-id"] = r => FilterValues.One(r.Vpc.DhcpOptionsId),
        ["ipv6-cidr-block-association.ipv6-cidr-block"] = r => r.Vpc.CidrBlocks.Where(c => c.IsIpv6).Select(c => c.Cidr),
        ["ipv6-cidr-block-association.ipv6-pool"] = r => r.Vpc.CidrBlocks.Where(c => c.IsIpv6).Select(c => c.Ipv6Pool),
        ["ipv6-cidr-block-association.association-id"] = r => r.Vpc.CidrBlocks.Where(c => c.IsIpv6).Select(c => c.AssociationId),
        ["ipv6-cidr-block-association.state"] = r => r.Vpc.CidrBlocks.Where(c => c.IsIpv6).Select(c => c.State),
        ["is-default"] = r => FilterValues.Bool(r.Vpc.IsDefault),
        ["owner-id"] = r => FilterValues.One(r.Vpc.AccountId),
        ["state"] = r => FilterValues.One(r.Vpc.State),
        ["vpc-id"] = r => FilterValues.One(r.Vpc.Id),
    }, r => r.Tags);
}
