using ControlPlane.Application.Features.NetworkAcls;

namespace ControlPlane.Api.Rest.Groups;

/// <summary><c>/api/v1/network-acls</c>, their entries and subnet associations.</summary>
internal static class NetworkAclsApi
{
    public static void Map(RestApiBuilder api) =>
        api.Resource("network-acls", "networkAclId", "NetworkAcl", "network ACL", "Network ACLs")
            .List("DescribeNetworkAcls", NetworkAclViews.Filters.Names)
            .Get("DescribeNetworkAcls")
            .Create("CreateNetworkAcl", id: "NetworkAcl.NetworkAclId")
            .Delete("DeleteNetworkAcl")
            .Post("{networkAclId}/entries", "CreateNetworkAclEntry", "Add a numbered entry (egress true for outbound)")
            .Put("{networkAclId}/entries/ingress/{ruleNumber}", "ReplaceNetworkAclEntry", "Replace an inbound entry",
                operationId: "replaceNetworkAclIngressEntry", fixedMembers: new { Egress = false })
            .Put("{networkAclId}/entries/egress/{ruleNumber}", "ReplaceNetworkAclEntry", "Replace an outbound entry",
                operationId: "replaceNetworkAclEgressEntry", fixedMembers: new { Egress = true })
            .Delete("{networkAclId}/entries/ingress/{ruleNumber}", "DeleteNetworkAclEntry", "Remove an inbound entry",
                operationId: "deleteNetworkAclIngressEntry", fixedMembers: new { Egress = false })
            .Delete("{networkAclId}/entries/egress/{ruleNumber}", "DeleteNetworkAclEntry", "Remove an outbound entry",
                operationId: "deleteNetworkAclEgressEntry", fixedMembers: new { Egress = true })
            .Post("{networkAclId}/associations", "ReplaceNetworkAclAssociation",
                "Associate the ACL with the subnet of an existing association (associationId); answers the new association id");
}
