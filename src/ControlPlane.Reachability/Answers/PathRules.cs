namespace ControlPlane.Reachability.Answers;

/// <summary>
/// The rules that let one interface reach another, hop by hop, as <see cref="PathAnalysis"/> shows them: for each
/// component the rule that admits the lowest port surviving the path. Null where the component is absent (no groups,
/// same subnet) or has no rule (a route that does not exist).
/// </summary>
public sealed record PathRules
{
    /// <summary>The source's security group rule (egress).</summary>
    public MatchedSecurityGroupRule? SourceSecurityGroupRule { get; init; }

    /// <summary>The source subnet's ACL entry, egress on the forward path.</summary>
    public MatchedAclEntry? SourceAclEgress { get; init; }

    /// <summary>The route of the source subnet's table toward the destination.</summary>
    public MatchedRoute? Route { get; init; }

    /// <summary>The destination subnet's ACL entry, ingress on the forward path.</summary>
    public MatchedAclEntry? DestinationAclIngress { get; init; }

    /// <summary>The destination's security group rule (ingress).</summary>
    public MatchedSecurityGroupRule? DestinationSecurityGroupRule { get; init; }

    /// <summary>The destination subnet's ACL entry that lets the reply out (egress, return path).</summary>
    public MatchedAclEntry? DestinationAclEgress { get; init; }

    /// <summary>The route of the destination subnet's table back toward the source.</summary>
    public MatchedRoute? ReturnRoute { get; init; }

    /// <summary>The source subnet's ACL entry that lets the reply in (ingress, return path).</summary>
    public MatchedAclEntry? SourceAclIngress { get; init; }

    /// <summary>Reads the rules off an analysis's components (directions tell the two ends' security groups and ACLs apart).</summary>
    public static PathRules From(PathAnalysis analysis)
    {
        var forwardRoutes = analysis.ForwardPath.Where(c => c.RouteTableRoute is not null).Select(c => c.RouteTableRoute);
        var returnRoutes = analysis.ReturnPath.Where(c => c.RouteTableRoute is not null).Select(c => c.RouteTableRoute);
        return new PathRules
        {
            SourceSecurityGroupRule = analysis.ForwardPath.Select(c => c.SecurityGroupRule).FirstOrDefault(r => r?.Direction == "egress"),
            SourceAclEgress = analysis.ForwardPath.Select(c => c.AclRule).FirstOrDefault(r => r is { Egress: true }),
            Route = forwardRoutes.FirstOrDefault(),
            DestinationAclIngress = analysis.ForwardPath.Select(c => c.AclRule).FirstOrDefault(r => r is { Egress: false }),
            DestinationSecurityGroupRule = analysis.ForwardPath.Select(c => c.SecurityGroupRule).FirstOrDefault(r => r?.Direction == "ingress"),
            DestinationAclEgress = analysis.ReturnPath.Select(c => c.AclRule).FirstOrDefault(r => r is { Egress: true }),
            ReturnRoute = returnRoutes.FirstOrDefault(),
            SourceAclIngress = analysis.ReturnPath.Select(c => c.AclRule).FirstOrDefault(r => r is { Egress: false }),
        };
    }
}
