using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Networking;
using ControlPlane.Domain.SecurityGroups;
using PortRange = ControlPlane.Domain.Networking.PortRange;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>A referenced group as a request names it: by id, or (default VPC only) by name, with its owner.</summary>
public sealed record GroupReference(string? GroupId, string? GroupName, string? UserId);

/// <summary>
/// One rule as the request states it. CIDR and prefix list peers are final; a referenced group still has to be
/// looked up (<see cref="RuleResolver"/>), because it may be named, and must exist in the same VPC.
/// </summary>
public sealed record RuleDraft(IpProtocol Protocol, PortRange Ports, RulePeer? Peer, GroupReference? Group, string? Description)
{
    public RuleSpec ToSpec(RulePeer peer) => new(Protocol, Ports, peer, Description);
}

/// <summary>
/// Turns the three ways a request states rules into drafts, with AWS's errors: <c>IpPermissions</c> (one rule per
/// IP range, IPv6 range, prefix list and group pair), the legacy flat parameters of the ingress actions, and the
/// <c>SecurityGroupRuleRequest</c> of ModifySecurityGroupRules. Pure: validators call it before any work, so bad
/// input fails (also with DryRun) and changes nothing.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
/// </summary>
public static class RuleParser
{
    private const string PrefixListPrefix = "pl";

    public static IReadOnlyList<RuleDraft> Parse(IEnumerable<IpPermission> permissions) => permissions.SelectMany(Parse).ToList();

    public static IReadOnlyList<RuleDraft> Parse(IpPermission permission)
    {
        var protocol = Protocol(permission.IpProtocol);
        var ports = PortRange.ForSecurityGroup(protocol, permission.FromPort, permission.ToPort);
        var drafts = new List<RuleDraft>();
        foreach (var range in permission.IpRanges ?? [])
            drafts.Add(new RuleDraft(protocol, ports, Ipv4Peer(range.CidrIp), null, Description(range.Description)));
        foreach (var range in permission.Ipv6Ranges ?? [])
            drafts.Add(new RuleDraft(protocol, ports, Ipv6Peer(range.CidrIpv6), null, Description(range.Description)));
        foreach (var list in permission.PrefixListIds ?? [])
            drafts.Add(new RuleDraft(protocol, ports, PrefixListPeer(list.Id), null, Description(list.Description)));
        foreach (var pair in permission.UserIdGroupPairs ?? [])
            drafts.Add(new RuleDraft(protocol, ports, null, GroupPeer(pair.GroupId, pair.GroupName, pair.UserId), Description(pair.Description)));
        return drafts.Count > 0 ? drafts : throw Ec2Errors.MissingSourceSpecification();
    }

    /// <summary>ModifySecurityGroupRules: exactly one of CidrIpv4, CidrIpv6, PrefixListId, ReferencedGroupId.</summary>
    public static RuleDraft Parse(SecurityGroupRuleRequest request)
    {
        var protocol = Protocol(request.IpProtocol);
        var ports = PortRange.ForSecurityGroup(protocol, request.FromPort, request.ToPort);
        var description = Description(request.Description);
        var peers = new[] { request.CidrIpv4, request.CidrIpv6, request.PrefixListId, request.ReferencedGroupId }.Count(p => p is not null);
        if (peers > 1) throw Ec2Errors.MultiplePeers();
        if (request.CidrIpv4 is not null) return new RuleDraft(protocol, ports, Ipv4Peer(request.CidrIpv4), null, description);
        if (request.CidrIpv6 is not null) return new RuleDraft(protocol, ports, Ipv6Peer(request.CidrIpv6), null, description);
        if (request.PrefixListId is not null) return new RuleDraft(protocol, ports, PrefixListPeer(request.PrefixListId), null, description);
        if (request.ReferencedGroupId is not null) return new RuleDraft(protocol, ports, null, GroupPeer(request.ReferencedGroupId, null, null), description);
        throw Ec2Errors.MissingSourceSpecification();
    }

    /// <summary>The permissions of an ingress request: IpPermissions or the flat parameters, never both.</summary>
    public static IReadOnlyList<IpPermission> Permissions<T>(T request) where T : ILegacyRuleParameters, IRuleRequest
    {
        if (request.IpPermissions is { Count: > 0 } permissions)
            return request.HasLegacyParameters() ? throw Ec2Errors.LegacyWithIpPermissions() : permissions;
        return FromLegacy(request);
    }

    /// <summary>The error parsing would raise, or null: lets a validator report exactly what the handler would.</summary>
    public static AwsException? Problem(Action parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (AwsException e)
        {
            return e;
        }
    }

    /// <summary>
    /// The ingress actions' flat parameters as the IpPermissions they stand for: <c>CidrIp</c> with protocol and ports
    /// is one IPv4 rule; <c>SourceSecurityGroupName</c> (default VPC) grants full TCP, UDP and ICMP access from that
    /// group and cannot be combined with the others.
    /// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html
    /// </summary>
    private static IReadOnlyList<IpPermission> FromLegacy(ILegacyRuleParameters legacy)
    {
        if (legacy.SourceSecurityGroupName is { } source)
        {
            if (legacy.CidrIp is not null || legacy.IpProtocol is not null || legacy.FromPort is not null || legacy.ToPort is not null)
                throw Ec2Errors.LegacySourceGroupCombination();
            UserIdGroupPair[] pair = [new(GroupName: source, UserId: legacy.SourceSecurityGroupOwnerId)];
            return [new("tcp", 0, 65535, UserIdGroupPairs: pair), new("udp", 0, 65535, UserIdGroupPairs: pair), new("icmp", -1, -1, UserIdGroupPairs: pair)];
        }
        if (!legacy.HasLegacyParameters()) return [];
        if (legacy.CidrIp is null) throw Ec2Errors.MissingSourceSpecification();
        return [new(legacy.IpProtocol, legacy.FromPort, legacy.ToPort, IpRanges: [new IpRange(legacy.CidrIp)])];
    }

    private static IpProtocol Protocol(string? text)
    {
        if (string.IsNullOrEmpty(text)) throw Ec2Errors.ProtocolRequired();
        return IpProtocol.TryParseSecurityGroupProtocol(text, out var protocol) ? protocol : throw Ec2Errors.UnknownProtocol(text);
    }

    /// <summary>AWS canonicalises CIDRs (<c>10.0.0.5/8</c> is <c>10.0.0.0/8</c>); an IPv6 block in CidrIp (or the reverse) is malformed.</summary>
    private static RulePeer Ipv4Peer(string? text) =>
        Cidr.TryParse(text, out var cidr) && !cidr.IsIpv6 ? RulePeer.Ipv4(cidr) : throw BadCidr(text, "CidrIp");

    private static RulePeer Ipv6Peer(string? text) =>
        Cidr.TryParse(text, out var cidr) && cidr.IsIpv6 ? RulePeer.Ipv6(cidr) : throw BadCidr(text, "CidrIpv6");

    private static AwsException BadCidr(string? text, string parameter) =>
        text is null ? Ec2Errors.MissingParameter(parameter) : Ec2Errors.InvalidCidrInRule(text);

    private static RulePeer PrefixListPeer(string? id)
    {
        if (id is null) throw Ec2Errors.MissingParameter("PrefixListId");
        return ResourceIds.IsWellFormed(id, PrefixListPrefix) ? RulePeer.PrefixList(id) : throw Ec2Errors.PrefixListIdMalformed(id);
    }

    /// <summary>An empty UserId (clients that do not know the account send one) means the caller's account.</summary>
    private static GroupReference GroupPeer(string? groupId, string? groupName, string? userId)
    {
        userId = string.IsNullOrEmpty(userId) ? null : userId;
        if (groupId is not null)
            return ResourceIds.IsWellFormed(groupId, ResourceIds.SecurityGroup) ? new GroupReference(groupId, null, userId) : throw Ec2Errors.SecurityGroupIdMalformed(groupId);
        return groupName is not null ? new GroupReference(null, groupName, userId) : throw Ec2Errors.MissingSourceSpecification();
    }

    private static string? Description(string? text) =>
        text is null || SecurityGroupText.IsValidRuleDescription(text) ? text : throw Ec2Errors.InvalidRuleDescription(text);
}
