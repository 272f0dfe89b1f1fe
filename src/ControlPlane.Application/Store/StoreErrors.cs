using System.Data.Common;
using ControlPlane.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Store;

/// <summary>
/// The one place a violated database constraint becomes an AWS error. Handlers check first (so the AWS message
/// names the resource); the constraints make the same rule hold when two writers race.
/// </summary>
public static class StoreErrors
{
    public static AwsException? Translate(DbUpdateException exception, IStoreProvider provider)
    {
        if (exception.InnerException is not DbException db || provider.Classify(db) is not { } violation) return null;
        return violation switch
        {
            { Kind: ConstraintKind.ForeignKey } => Ec2Errors.HasDependents(),
            { Name: var n } when Names(n, "security_group_rule") => Ec2Errors.RuleAlreadyExists(),
            { Name: var n } when Names(n, "security_group") => Ec2Errors.GroupNameTaken(),
            { Name: var n } when Names(n, "private_ip") || Names(n, "ipv6_address") => Ec2Errors.AddressTaken(),
            { Name: var n } when Names(n, "route_destination") || Names(n, "routes") => Ec2Errors.RouteTaken(),
            { Name: var n } when Names(n, "elastic_ip") => Ec2Errors.PublicAddressTaken(),
            { Name: var n } when Names(n, "association") => Ec2Errors.AlreadyAssociated(),
            { Name: var n } when Names(n, "subnet") => Ec2Errors.SubnetCidrTaken(),
            { Name: var n } when Names(n, "network_acl_entr") => Ec2Errors.NetworkAclEntryExists(),
            { Name: var n } when Names(n, "vpc_cidr") => Ec2Errors.VpcCidrTaken(),
            _ => null,
        };
    }

    /// <summary>PostgreSQL names the index (<c>ux_private_ip_subnet</c>), SQLite the table and columns: either contains the table's name.</summary>
    private static bool Names(string violation, string table) => violation.Contains(table, StringComparison.Ordinal);
}
