using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// A function's place in a VPC. Lambda connects functions through Hyperplane interfaces shared per account: one
/// interface of type <c>lambda</c> per unique (subnet, security-group set), reused by every function with that
/// combination ("Lambda creates a Hyperplane ENI for each unique combination of security group and subnet"), so a
/// function's interfaces carry no owner ARN and each function lists the ones it uses in its document.
/// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html#configuration-vpc-enis
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-vpcconfig.html
/// </summary>
public sealed class LambdaNetwork(ControlPlaneDbContext db, ServiceNetwork network, ServiceResourceStore store)
{
    public const string InterfaceType = "lambda";

    /// <summary>
    /// Who a Hyperplane interface shows as its requester. Observed interfaces are not requester-managed and the value
    /// is not documented; a 12-digit AWS service account is what other Hyperplane interfaces (NAT gateways, endpoints)
    /// show, so the emulator shows one too.
    /// </summary>
    public const string RequesterId = "560205366379";

    public const string DescriptionPrefix = "AWS Lambda VPC ENI-";

    /// <summary>The checked subnets and groups of a VpcConfig; null when the function is not in a VPC.</summary>
    public sealed record Placement(string VpcId, IReadOnlyList<Subnet> Subnets, IReadOnlyList<SecurityGroup> Groups, bool Ipv6AllowedForDualStack);

    /// <summary>
    /// Checks a VpcConfig as Lambda does: subnets and groups come together or not at all, each exists, all subnets are
    /// in one VPC and the groups in that VPC. Lambda never falls back to the VPC's default group.
    /// </summary>
    public async Task<Placement?> ResolveAsync(VpcConfig? config, CancellationToken cancellationToken)
    {
        var subnetIds = config?.SubnetIds ?? [];
        var groupIds = config?.SecurityGroupIds ?? [];
        if (subnetIds.Count == 0 && groupIds.Count == 0) return null;
        if (subnetIds.Count == 0 || groupIds.Count == 0) throw LambdaErrors.SubnetsAndGroupsMustCoexist();
        var subnets = await network.SubnetsAsync(subnetIds, LambdaErrors.SubnetNotFound, LambdaErrors.SubnetsInDifferentVpcs, cancellationToken);
        var vpcId = subnets[0].VpcId;
        var groups = await network.GroupsAsync(groupIds, vpcId, LambdaErrors.SecurityGroupNotFound, _ => LambdaErrors.SecurityGroupsInDifferentVpc(), cancellationToken);
        return new Placement(vpcId, subnets, groups, config?.Ipv6AllowedForDualStack ?? false);
    }

    /// <summary>
    /// The interface for each subnet of the placement: the existing <c>lambda</c> interface in that subnet with exactly
    /// these groups, else a new one described after <paramref name="functionName"/>, the function that caused it.
    /// </summary>
    public async Task<IReadOnlyList<string>> AttachAsync(string functionName, Placement placement, CancellationToken cancellationToken)
    {
        var wanted = placement.Groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var subnetIds = placement.Subnets.Select(s => s.Id).ToList();
        var candidates = await db.NetworkInterfaces.AsNoTracking().Include(n => n.Groups)
            .Where(n => n.InterfaceType == InterfaceType && n.ManagedByResourceId == null && subnetIds.Contains(n.SubnetId))
            .OrderBy(n => n.Id).ToListAsync(cancellationToken);
        var ids = new List<string>();
        foreach (var subnet in placement.Subnets)
        {
            var shared = candidates.FirstOrDefault(n => n.SubnetId == subnet.Id && n.Groups.Select(g => g.GroupId).ToHashSet(StringComparer.Ordinal).SetEquals(wanted));
            if (shared is not null)
            {
                ids.Add(shared.Id);
                continue;
            }
            var spec = new ManagedInterfaces.Spec(InterfaceType, RequesterId, null, DescriptionPrefix + functionName, SourceDestCheck: true)
            {
                RequesterManaged = false,
            };
            ids.Add((await network.AddInterfaceAsync(null, spec, subnet, placement.Groups, cancellationToken)).Id);
        }
        return ids;
    }

    /// <summary>
    /// Deletes the interfaces no other function uses any more. AWS removes an unused Hyperplane interface some time
    /// later (the Lambda team quotes a P99 of about 35 minutes); the emulator removes it at once, so its groups and
    /// subnets can be deleted straight after the function.
    /// </summary>
    public async Task ReleaseAsync(string functionArn, IEnumerable<string> interfaceIds, IReadOnlyCollection<string> keep, CancellationToken cancellationToken)
    {
        var candidates = interfaceIds.Where(id => !keep.Contains(id)).ToHashSet(StringComparer.Ordinal);
        if (candidates.Count == 0) return;
        foreach (var other in await store.ListAsync(LambdaFunctions.Service, LambdaFunctions.Kind, cancellationToken))
        {
            if (other.Arn == functionArn) continue;
            candidates.ExceptWith(ServiceResourceStore.Read<FunctionDocument>(other).NetworkInterfaceIds);
        }
        foreach (var id in candidates) await network.RemoveInterfaceAsync(id, cancellationToken);
    }
}
