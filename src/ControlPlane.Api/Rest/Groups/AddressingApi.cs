using ControlPlane.Application.Features.Addresses;
using ControlPlane.Application.Features.PrefixLists;
using ControlPlane.Application.Features.VpcEndpoints;
using ControlPlane.Application.Features.VpcPeering;

namespace ControlPlane.Api.Rest.Groups;

/// <summary>Elastic IPs, managed prefix lists, VPC endpoints, VPC peering and tags.</summary>
internal static class AddressingApi
{
    // DescribeTags keeps its filter table private; its names, for the documentation only (the action checks them).
    private static readonly string[] DescribeTagsFilters = ["key", "resource-id", "resource-type", "value"];

    public static void Map(RestApiBuilder api)
    {
        api.Resource("addresses", "allocationId", "Address", "Elastic IP address", "Elastic IPs", plural: "Elastic IP addresses")
            .List("DescribeAddresses", AddressViews.Filters.Names)
            .Get("DescribeAddresses")
            .Create("AllocateAddress", id: "AllocationId", summary: "Allocate an Elastic IP address")
            .Delete("ReleaseAddress", "Release an Elastic IP address")
            .Post("{allocationId}/associations", "AssociateAddress", "Associate the address with an instance or network interface")
            .Delete("/address-associations/{associationId}", "DisassociateAddress", "Disassociate an Elastic IP address");

        api.Resource("managed-prefix-lists", "prefixListId", "ManagedPrefixList", "managed prefix list", "Prefix lists")
            .List("DescribeManagedPrefixLists", PrefixListViews.ManagedFilters.Names)
            .Get("DescribeManagedPrefixLists")
            .Create("CreateManagedPrefixList", id: "PrefixList.PrefixListId")
            .Delete("DeleteManagedPrefixList")
            .Patch("{prefixListId}", "ModifyManagedPrefixList", "Add or remove entries (currentVersion, addEntries, removeEntries)")
            .Read("{prefixListId}/entries", "GetManagedPrefixListEntries", "List a prefix list's entries (at targetVersion)", "getManagedPrefixListEntries");

        api.Resource("vpc-endpoints", "vpcEndpointId", "VpcEndpoint", "VPC endpoint", "VPC endpoints")
            .List("DescribeVpcEndpoints", VpcEndpointViews.Filters.Names)
            .Get("DescribeVpcEndpoints")
            .Create("CreateVpcEndpoint", id: "VpcEndpoint.VpcEndpointId")
            .Delete("DeleteVpcEndpoints", "Delete a VPC endpoint; failures are listed in the answer's unsuccessful items, as AWS reports them",
                answer: RestAnswer.Result)
            .Patch("{vpcEndpointId}", "ModifyVpcEndpoint", "Change subnets, route tables, security groups or the policy");

        api.Resource("vpc-peering-connections", "vpcPeeringConnectionId", "VpcPeeringConnection", "VPC peering connection", "VPC peering")
            .List("DescribeVpcPeeringConnections", VpcPeeringConnectionViews.Filters.Names)
            .Get("DescribeVpcPeeringConnections")
            .Create("CreateVpcPeeringConnection", id: "VpcPeeringConnection.VpcPeeringConnectionId", summary: "Request a VPC peering connection")
            .Delete("DeleteVpcPeeringConnection")
            .Post("{vpcPeeringConnectionId}/accept", "AcceptVpcPeeringConnection", "Accept a peering request (as the accepter's account and region)")
            .Post("{vpcPeeringConnectionId}/reject", "RejectVpcPeeringConnection", "Reject a peering request");

        api.Resource("tags", "resourceId", "Tag", "tag", "Tags")
            .List("DescribeTags", DescribeTagsFilters)
            .Post("", "CreateTags", "Add or overwrite tags on resources (resources, tags)")
            .Post("delete", "DeleteTags", "Remove tags from resources (resources, tags; a tag without value removes the key whatever its value)");
    }
}
