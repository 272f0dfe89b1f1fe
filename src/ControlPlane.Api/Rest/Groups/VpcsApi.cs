using ControlPlane.Application.Features.Subnets;
using ControlPlane.Application.Features.Vpcs;

namespace ControlPlane.Api.Rest.Groups;

/// <summary><c>/api/v1/vpcs</c> and <c>/api/v1/subnets</c>.</summary>
internal static class VpcsApi
{
    public static void Map(RestApiBuilder api)
    {
        api.Resource("vpcs", "vpcId", "Vpc", "VPC", "VPCs")
            .List("DescribeVpcs", VpcViews.Filters.Names)
            .Get("DescribeVpcs")
            .Create("CreateVpc", id: "Vpc.VpcId")
            .Delete("DeleteVpc")
            .Patch("{vpcId}", "ModifyVpcAttribute", "Change one VPC attribute (enableDnsSupport, enableDnsHostnames, ...)")
            .Post("{vpcId}/cidr-blocks", "AssociateVpcCidrBlock", "Add an IPv4 or Amazon-provided IPv6 CIDR block to a VPC")
            .Delete("/vpc-cidr-block-associations/{associationId}", "DisassociateVpcCidrBlock", "Remove a CIDR block from its VPC");

        api.Resource("subnets", "subnetId", "Subnet", "subnet", "Subnets")
            .List("DescribeSubnets", SubnetViews.Filters.Names)
            .Get("DescribeSubnets")
            .Create("CreateSubnet", id: "Subnet.SubnetId")
            .Delete("DeleteSubnet")
            .Patch("{subnetId}", "ModifySubnetAttribute", "Change one subnet attribute (mapPublicIpOnLaunch, ...)");
    }
}
