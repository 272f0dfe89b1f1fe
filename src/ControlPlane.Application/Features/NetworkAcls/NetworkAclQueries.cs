using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkAcls;

/// <summary>Look-ups the network ACL actions share, on the DbContext (the repository).</summary>
public static class NetworkAclQueries
{
    public const string ResourceType = "network-acl";

    /// <summary>The ACL an action changes, tracked, with its stored entries; InvalidNetworkAclID.NotFound when it is not in this scope.</summary>
    public static async Task<NetworkAcl> FindNetworkAclAsync(this ControlPlaneDbContext db, string id, CancellationToken cancellationToken) =>
        await db.NetworkAcls.Include(a => a.Entries).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw Ec2Errors.NetworkAclNotFound(id);

    /// <summary>Whether the VPC has an IPv6 block (its ACLs then show the IPv6 <c>*</c> rules); null when there is no such VPC.</summary>
    public static Task<bool?> VpcHasIpv6Async(this ControlPlaneDbContext db, string vpcId, CancellationToken cancellationToken) =>
        db.Vpcs.Where(v => v.Id == vpcId).Select(v => (bool?)v.CidrBlocks.Any(c => c.IsIpv6)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Entry actions name the ACL by id: required and well formed.</summary>
    public static AwsException? NetworkAclIdProblem(string? id) =>
        id is null ? Ec2Errors.MissingParameter("networkAclId")
        : ResourceIds.IsWellFormed(id, ResourceIds.NetworkAcl) ? null
        : Ec2Errors.NetworkAclIdMalformed(id);
}
