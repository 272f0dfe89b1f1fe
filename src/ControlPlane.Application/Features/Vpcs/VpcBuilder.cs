using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using ControlPlane.Domain.SecurityGroups;

namespace ControlPlane.Application.Features.Vpcs;

/// <summary>
/// Creates a VPC with what AWS creates alongside it: the default security group (all traffic in from itself, all
/// out to 0.0.0.0/0 and ::/0 with IPv6), the default network ACL (rule 100 allow each way, 101 for IPv6) and the
/// main route table. Used by CreateVpc and by the default VPC every (account, region) starts with.
/// https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
/// https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html
/// </summary>
public sealed class VpcBuilder(ControlPlaneDbContext db, RequestContext request, IIdGenerator ids)
{
    public sealed record Created(Vpc Vpc, SecurityGroup DefaultGroup, NetworkAcl DefaultAcl, RouteTable MainRouteTable);

    public Created Add(Cidr cidr, bool isDefault, string instanceTenancy, Cidr? ipv6, bool enableDnsHostnames)
    {
        var vpcId = ids.NewId(ResourceIds.Vpc);
        var vpc = new Vpc
        {
            AccountId = request.AccountId, Region = request.Region, Id = vpcId, CidrBlock = cidr.ToString(),
            IsDefault = isDefault, InstanceTenancy = instanceTenancy, EnableDnsHostnames = enableDnsHostnames,
            DhcpOptionsId = ids.NewId(ResourceIds.DhcpOptions),
        };
        vpc.CidrBlocks.Add(new VpcCidrBlock { AssociationId = ids.NewId(ResourceIds.VpcCidrAssociation), VpcId = vpcId, Cidr = cidr.ToString() });
        if (ipv6 is { } v6) vpc.CidrBlocks.Add(NewIpv6Block(vpcId, v6));
        db.Vpcs.Add(vpc);

        var group = SecurityGroup.Create(request.AccountId, request.Region, ids.NewId(ResourceIds.SecurityGroup), vpcId, SecurityGroup.DefaultName, "default VPC security group");
        group.Rules.Add(NewRule(group.Id, false, new RuleSpec(IpProtocol.All, PortRange.AllPorts, RulePeer.Group(group.Id, request.AccountId), null), 0));
        AddDefaultEgress(group, ipv6 is not null);
        db.SecurityGroups.Add(group);

        var acl = new NetworkAcl { AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.NetworkAcl), VpcId = vpcId, IsDefault = true };
        foreach (var egress in new[] { false, true })
        {
            acl.Entries.Add(AllowAll(acl.Id, 100, egress, ipv6: false));
            if (ipv6 is not null) acl.Entries.Add(AllowAll(acl.Id, 101, egress, ipv6: true));
        }
        db.NetworkAcls.Add(acl);

        var table = new RouteTable { AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.RouteTable), VpcId = vpcId };
        table.Associations.Add(new RouteTableAssociation
        {
            AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.RouteTableAssociation), RouteTableId = table.Id, Main = true,
        });
        db.RouteTables.Add(table);
        return new Created(vpc, group, acl, table);
    }

    public VpcCidrBlock NewIpv6Block(string vpcId, Cidr ipv6) => new()
    {
        AssociationId = ids.NewId(ResourceIds.VpcCidrAssociation), VpcId = vpcId, Cidr = ipv6.ToString(), IsIpv6 = true,
        Ipv6Pool = "Amazon", NetworkBorderGroup = request.Region,
    };

    /// <summary>A new VPC security group allows all outbound traffic: 0.0.0.0/0, and ::/0 when the VPC has IPv6.</summary>
    public void AddDefaultEgress(SecurityGroup group, bool ipv6)
    {
        group.Rules.Add(NewRule(group.Id, true, new RuleSpec(IpProtocol.All, PortRange.AllPorts, RulePeer.Ipv4(AnyIpv4), null), 1));
        if (ipv6) group.Rules.Add(NewRule(group.Id, true, new RuleSpec(IpProtocol.All, PortRange.AllPorts, RulePeer.Ipv6(AnyIpv6), null), 2));
    }

    public SecurityGroupRule NewRule(string groupId, bool egress, RuleSpec spec, long sequence) => new()
    {
        AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.SecurityGroupRule), GroupId = groupId,
        IsEgress = egress, Protocol = spec.Protocol.Number, FromPort = spec.Ports.From, ToPort = spec.Ports.To,
        CidrIpv4 = spec.Peer.Kind == PeerKind.Ipv4Cidr ? spec.Peer.Value : null,
        CidrIpv6 = spec.Peer.Kind == PeerKind.Ipv6Cidr ? spec.Peer.Value : null,
        PrefixListId = spec.Peer.Kind == PeerKind.PrefixList ? spec.Peer.Value : null,
        ReferencedGroupId = spec.Peer.Kind == PeerKind.SecurityGroup ? spec.Peer.Value : null,
        ReferencedUserId = spec.Peer.UserId,
        Description = spec.Description, Identity = spec.Identity, Sequence = sequence,
    };

    public static NetworkAclEntry AllowAll(string aclId, int ruleNumber, bool egress, bool ipv6) => new()
    {
        NetworkAclId = aclId, RuleNumber = ruleNumber, Egress = egress, Protocol = "-1", RuleAction = "allow",
        CidrBlock = ipv6 ? null : "0.0.0.0/0", Ipv6CidrBlock = ipv6 ? "::/0" : null,
    };

    public static readonly Cidr AnyIpv4 = Cidr.TryParse("0.0.0.0/0", out var c) ? c : default;
    public static readonly Cidr AnyIpv6 = Cidr.TryParse("::/0", out var c6) ? c6 : default;
}
