using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;

namespace ControlPlane.Application.Features.Subnets;

/// <summary>Adds a subnet and its association with the VPC's default network ACL (every subnet always has exactly one).</summary>
public sealed class SubnetBuilder(ControlPlaneDbContext db, RequestContext request, IIdGenerator ids)
{
    public Subnet Add(string vpcId, string defaultAclId, Cidr cidr, Regions.ZoneInfo zone, bool defaultForAz, Cidr? ipv6 = null)
    {
        var subnet = new Subnet
        {
            AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.Subnet), VpcId = vpcId,
            CidrBlock = cidr.ToString(), AvailabilityZone = zone.ZoneName, AvailabilityZoneId = zone.ZoneId,
            DefaultForAz = defaultForAz, MapPublicIpOnLaunch = defaultForAz,
        };
        if (ipv6 is { } v6)
        {
            subnet.Ipv6CidrBlocks.Add(new SubnetIpv6CidrBlock { AssociationId = ids.NewId(ResourceIds.SubnetCidrAssociation), SubnetId = subnet.Id, Cidr = v6.ToString() });
        }
        db.Subnets.Add(subnet);
        db.NetworkAclAssociations.Add(new NetworkAclAssociation
        {
            AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.NetworkAclAssociation),
            NetworkAclId = defaultAclId, SubnetId = subnet.Id,
        });
        return subnet;
    }
}
