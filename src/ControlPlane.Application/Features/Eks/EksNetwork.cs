using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Features.SecurityGroups;
using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using ControlPlane.Domain.SecurityGroups;
using Microsoft.EntityFrameworkCore;
using TagShape = ControlPlane.Application.Shapes.Tag;

namespace ControlPlane.Application.Features.Eks;

/// <summary>
/// A cluster's control plane in the VPC: the cluster security group EKS creates, and the two cross-account interfaces
/// of the control plane (in two subnets of different zones) carrying that group and the groups the request names.
/// https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html
/// https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html
/// </summary>
public sealed class EksNetwork(ControlPlaneDbContext db, ServiceNetwork network, VpcBuilder builder, TagStore tags, RequestContext request, IIdGenerator ids)
{
    /// <summary>
    /// The requester of the control-plane interfaces: the session of EKS's service role, <c>AROA…:AmazonEKS</c> as seen in
    /// AWS's own dumps (re:Invent NET410). The role id is AWS's, so one fixed value.
    /// </summary>
    public const string RequesterId = "AROA3ZZXBJ5FKE4GHNQTR:AmazonEKS";

    /// <summary>
    /// The account that owns the control-plane instances the interfaces are attached to ("cross-account ENI"): an
    /// AWS-owned 12-digit account, not the user's. The real one varies by region; the emulator shows one.
    /// </summary>
    public const string ControlPlaneAccount = "602401143452";

    public const int MaxSecurityGroups = 5;

    public sealed record Placement(string VpcId, IReadOnlyList<Subnet> Subnets, IReadOnlyList<SecurityGroup> Groups);

    /// <summary>
    /// Checks the subnets and groups of a resourcesVpcConfig: each exists, all in one VPC (<paramref name="vpcId"/> once
    /// the cluster has one), subnets in at least two zones, at most five groups.
    /// </summary>
    public async Task<Placement> ResolveAsync(IReadOnlyList<string> subnetIds, IReadOnlyList<string> groupIds, string? vpcId, CancellationToken cancellationToken)
    {
        if (subnetIds.Count == 0) throw EksErrors.SubnetsInOneZone();
        if (groupIds.Distinct().Count() > MaxSecurityGroups) throw EksErrors.TooManySecurityGroups();
        var subnets = await network.SubnetsAsync(subnetIds, EksErrors.SubnetNotFound, EksErrors.SubnetsInDifferentVpcs, cancellationToken);
        if (vpcId is not null && subnets[0].VpcId != vpcId) throw EksErrors.SubnetsInDifferentVpcs();
        if (subnets.Select(s => s.AvailabilityZone).Distinct().Count() < 2) throw EksErrors.SubnetsInOneZone();
        var groups = await network.GroupsAsync(groupIds, subnets[0].VpcId, EksErrors.SecurityGroupNotFound, EksErrors.SecurityGroupInOtherVpc, cancellationToken);
        return new Placement(subnets[0].VpcId, subnets, groups);
    }

    /// <summary>
    /// Creates the cluster security group as EKS does: named <c>eks-cluster-sg-&lt;cluster&gt;-&lt;10 digits&gt;</c>, all
    /// traffic in from itself, the default outbound rule, tagged with the cluster's name.
    /// </summary>
    public async Task<SecurityGroup> CreateClusterGroupAsync(string clusterName, string vpcId, CancellationToken cancellationToken)
    {
        var hasIpv6 = await db.Vpcs.Where(v => v.Id == vpcId).Select(v => v.CidrBlocks.Any(c => c.IsIpv6)).FirstAsync(cancellationToken);
        var name = $"eks-cluster-sg-{clusterName}-{Random.Shared.NextInt64(1_000_000_000, 10_000_000_000)}";
        var group = SecurityGroup.Create(request.AccountId, request.Region, ids.NewId(ResourceIds.SecurityGroup), vpcId, name,
            "EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.");
        group.Rules.Add(builder.NewRule(group.Id, false, new RuleSpec(IpProtocol.All, PortRange.AllPorts, RulePeer.Group(group.Id, request.AccountId), null), 0));
        builder.AddDefaultEgress(group, hasIpv6);
        db.SecurityGroups.Add(group);
        await tags.SetAsync(group.Id, SecurityGroupViews.GroupResourceType,
            [new TagShape("Name", name), new TagShape("aws:eks:cluster-name", clusterName), new TagShape($"kubernetes.io/cluster/{clusterName}", "owned")],
            int.MaxValue, cancellationToken);
        return group;
    }

    /// <summary>
    /// Deletes the cluster security group with its rules and tags, unless something else still uses it (an interface
    /// the user gave it, another group's rule): then it stays behind, as groups EKS cannot delete do.
    /// </summary>
    public async Task DeleteClusterGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        if (await db.NetworkInterfaceGroups.AnyAsync(g => g.GroupId == groupId, cancellationToken)
            || await db.SecurityGroupRules.AnyAsync(r => r.ReferencedGroupId == groupId && r.GroupId != groupId, cancellationToken)) return;
        var owned = db.SecurityGroupRules.Where(r => r.GroupId == groupId).Select(r => r.Id);
        await db.Tags.Where(t => t.ResourceId == groupId || owned.Contains(t.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        await db.SecurityGroupRules.Where(r => r.GroupId == groupId).ExecuteDeleteAsync(cancellationToken);
        await db.SecurityGroups.Where(g => g.Id == groupId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// The control plane's two interfaces, in the first subnet and the first subnet of another zone: type
    /// <c>interface</c>, not requester-managed, described <c>Amazon EKS &lt;cluster&gt;</c>, attached (<c>eni-attach-…</c>)
    /// to an instance of EKS's account, deleted on termination.
    /// </summary>
    public async Task AddInterfacesAsync(string clusterArn, string clusterName, IReadOnlyList<Subnet> subnets, IReadOnlyList<SecurityGroup> groups,
        CancellationToken cancellationToken)
    {
        var first = subnets[0];
        var second = subnets.First(s => s.AvailabilityZone != first.AvailabilityZone);
        var spec = new ManagedInterfaces.Spec("interface", RequesterId, clusterArn, $"Amazon EKS {clusterName}", SourceDestCheck: true)
        {
            RequesterManaged = false, AttachmentPrefix = InterfaceRules.AttachmentPrefix, AttachmentOwner = ControlPlaneAccount, DeleteOnTermination = true,
        };
        foreach (var subnet in new[] { first, second }) await network.AddInterfaceAsync(clusterArn, spec, subnet, groups, cancellationToken);
    }

    /// <summary>The groups on the control-plane interfaces: the cluster security group, then the request's.</summary>
    public async Task<IReadOnlyList<SecurityGroup>> InterfaceGroupsAsync(string clusterGroupId, IReadOnlyList<SecurityGroup> additional, CancellationToken cancellationToken)
    {
        var clusterGroup = await db.SecurityGroups.AsNoTracking().FirstAsync(g => g.Id == clusterGroupId, cancellationToken);
        return [clusterGroup, .. additional.Where(g => g.Id != clusterGroupId)];
    }
}
