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
            { Kind: ConstraintKind.ForeignKey } => new AwsException("DependencyViolation", "The resource has a dependent object and cannot be changed."),
            { Name: var n } when n.Contains("security_group_rule", StringComparison.Ordinal) =>
                new AwsException("InvalidPermission.Duplicate", "the specified rule already exists"),
            { Name: var n } when n.Contains("security_group", StringComparison.Ordinal) =>
                new AwsException("InvalidGroup.Duplicate", "The security group already exists"),
            { Name: var n } when n.Contains("subnet", StringComparison.Ordinal) =>
                new AwsException("InvalidSubnet.Conflict", "The CIDR conflicts with another subnet"),
            { Name: var n } when n.Contains("network_acl_entr", StringComparison.Ordinal) =>
                new AwsException("NetworkAclEntryAlreadyExists", "The specified rule number already exists in this network ACL."),
            { Name: var n } when n.Contains("vpc_cidr", StringComparison.Ordinal) =>
                new AwsException("InvalidVpc.Range", "The CIDR conflicts with another CIDR block of the VPC."),
            _ => null,
        };
    }
}
