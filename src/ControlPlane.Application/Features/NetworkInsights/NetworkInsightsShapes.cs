using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.View;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.NetworkInsights;

// The Reachability Analyzer's shapes, named by the EC2 model's members (NetworkInsightsPath, NetworkInsightsAnalysis,
// PathComponent, AnalysisComponent, AnalysisAclRule, AnalysisSecurityGroupRule, AnalysisRouteTableRoute,
// AnalysisPacketHeader, Explanation), and the one mapping from the evaluator's PathAnalysis to them.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInsightsAnalysis.html

/// <summary>Input: the model's <c>RequestFilterPortRange</c>.</summary>
public sealed record RequestFilterPortRange(int? FromPort, int? ToPort);

/// <summary>Input: the model's <c>PathRequestFilter</c> (FilterAtSource, FilterAtDestination).</summary>
public sealed record PathRequestFilter(string? SourceAddress, RequestFilterPortRange? SourcePortRange, string? DestinationAddress, RequestFilterPortRange? DestinationPortRange);

/// <summary>Output: the model's <c>FilterPortRange</c>.</summary>
public sealed record FilterPortRange(int? FromPort, int? ToPort);

/// <summary>Output: the model's <c>PathFilter</c>.</summary>
public sealed record PathFilterShape(string? SourceAddress, FilterPortRange? SourcePortRange, string? DestinationAddress, FilterPortRange? DestinationPortRange);

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInsightsPath.html</summary>
public sealed record NetworkInsightsPathShape(
    string NetworkInsightsPathId,
    string NetworkInsightsPathArn,
    DateTimeOffset CreatedDate,
    string Source,
    string? Destination,
    string SourceArn,
    string? DestinationArn,
    string? SourceIp,
    string? DestinationIp,
    string Protocol,
    int? DestinationPort,
    IReadOnlyList<Shape.Tag> Tags,
    PathFilterShape? FilterAtSource,
    PathFilterShape? FilterAtDestination);

public sealed record AnalysisComponent(string Id, string? Arn, string? Name);

public sealed record AnalysisAclRule(string? Cidr, bool Egress, Shape.PortRange? PortRange, string Protocol, string RuleAction, int RuleNumber);

public sealed record AnalysisSecurityGroupRule(string? Cidr, string Direction, string SecurityGroupId, Shape.PortRange? PortRange, string? PrefixListId, string Protocol);

public sealed record AnalysisRouteTableRoute(
    string? DestinationCidr,
    string? DestinationPrefixListId,
    string? EgressOnlyInternetGatewayId,
    string? GatewayId,
    string? InstanceId,
    string? NatGatewayId,
    string? NetworkInterfaceId,
    string Origin,
    string? TransitGatewayId,
    string? VpcPeeringConnectionId,
    string State);

public sealed record AnalysisPacketHeader(
    IReadOnlyList<string> DestinationAddresses,
    IReadOnlyList<Shape.PortRange> DestinationPortRanges,
    string Protocol,
    IReadOnlyList<string> SourceAddresses,
    IReadOnlyList<Shape.PortRange> SourcePortRanges);

/// <summary>The model's <c>PathComponent</c>: one hop, with the rule or route that let the traffic through.</summary>
public sealed record PathComponentShape(
    int SequenceNumber,
    AnalysisAclRule? AclRule,
    AnalysisComponent? AttachedTo,
    AnalysisComponent Component,
    AnalysisPacketHeader? OutboundHeader,
    AnalysisPacketHeader? InboundHeader,
    AnalysisRouteTableRoute? RouteTableRoute,
    AnalysisSecurityGroupRule? SecurityGroupRule,
    AnalysisComponent? Subnet,
    AnalysisComponent? Vpc);

/// <summary>The model's <c>Explanation</c>: why the path is blocked, with the members its code uses.</summary>
public sealed record ExplanationShape(
    AnalysisComponent? Acl,
    AnalysisAclRule? AclRule,
    string? Address,
    AnalysisComponent? Component,
    AnalysisComponent? DestinationVpc,
    string? Direction,
    string ExplanationCode,
    AnalysisComponent? InternetGateway,
    AnalysisComponent? NetworkInterface,
    string? PacketField,
    AnalysisComponent? VpcPeeringConnection,
    int? Port,
    IReadOnlyList<Shape.PortRange>? PortRanges,
    IReadOnlyList<string>? Protocols,
    AnalysisRouteTableRoute? RouteTableRoute,
    AnalysisComponent? RouteTable,
    IReadOnlyList<AnalysisComponent>? SecurityGroups,
    AnalysisComponent? SourceVpc,
    AnalysisComponent? Subnet,
    AnalysisComponent? Vpc);

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInsightsAnalysis.html</summary>
public sealed record NetworkInsightsAnalysisShape(
    string NetworkInsightsAnalysisId,
    string NetworkInsightsAnalysisArn,
    string NetworkInsightsPathId,
    DateTimeOffset StartDate,
    string Status,
    string? StatusMessage,
    string? WarningMessage,
    bool? NetworkPathFound,
    IReadOnlyList<PathComponentShape>? ForwardPathComponents,
    IReadOnlyList<PathComponentShape>? ReturnPathComponents,
    IReadOnlyList<ExplanationShape>? Explanations,
    IReadOnlyList<Shape.Tag> Tags);

/// <summary>
/// The answer of one analysis as the API shows it: what <see cref="Domain.Model.NetworkInsightsAnalysis.Findings"/> keeps
/// (serialized), and what DescribeNetworkInsightsAnalyses shows once the analysis has succeeded.
/// </summary>
public sealed record AnalysisFindings(
    bool NetworkPathFound,
    IReadOnlyList<PathComponentShape>? ForwardPathComponents,
    IReadOnlyList<PathComponentShape>? ReturnPathComponents,
    IReadOnlyList<ExplanationShape>? Explanations,
    string? WarningMessage)
{
    /// <summary>
    /// The one mapping from the evaluator's answer to AWS's shapes. Components get ARNs in the caller's account and
    /// region where the evaluator gave none; the evaluator's notes (what it does not model on this path) become the
    /// analysis's warning message, since the AWS shape has no member for free text on an explanation.
    /// </summary>
    public static AnalysisFindings From(PathAnalysis analysis, string accountId, string region)
    {
        var arns = new Arns(accountId, region);
        return new AnalysisFindings(
            analysis.NetworkPathFound,
            NullIfEmpty(analysis.ForwardPath.Select(arns.Component).ToList()),
            NullIfEmpty(analysis.ReturnPath.Select(arns.Component).ToList()),
            NullIfEmpty(Distinct(analysis.Explanations.Select(arns.Explanation))),
            analysis.Notes.Count == 0 ? null : string.Join(" ", analysis.Notes));
    }

    private static IReadOnlyList<T>? NullIfEmpty<T>(IReadOnlyList<T> items) => items.Count == 0 ? null : items;

    /// <summary>
    /// The evaluator explains the forward and the return path separately; AWS's Explanation has no member saying which,
    /// so an explanation both paths give (the same component, code and rule) is shown once.
    /// </summary>
    private static List<ExplanationShape> Distinct(IEnumerable<ExplanationShape> explanations) =>
        explanations.DistinctBy(e => System.Text.Json.JsonSerializer.Serialize(e)).ToList();

    private sealed class Arns(string accountId, string region)
    {
        public PathComponentShape Component(PathComponent c) => new(
            c.SequenceNumber,
            c.AclRule is { } acl ? AclRule(acl) : null,
            Ref(c.AttachedTo),
            Ref(c.Component)!,
            Header(c.OutboundHeader),
            Header(c.InboundHeader),
            c.RouteTableRoute is { } route ? Route(route) : null,
            c.SecurityGroupRule is { } rule ? new AnalysisSecurityGroupRule(rule.Cidr, rule.Direction, rule.SecurityGroupId, Range(rule.PortRange), rule.PrefixListId, rule.Protocol) : null,
            c.SubnetId is { } subnet ? Ref(new ComponentRef("subnet", subnet)) : null,
            c.VpcId is { } vpc ? Ref(new ComponentRef("vpc", vpc)) : null);

        public ExplanationShape Explanation(Explanation e) => new(
            Ref(e.Acl),
            e.AclRule is { } acl ? AclRule(acl) : null,
            // The model's Address is an IP address; the evaluator may name an unspecified host in words ("the internet").
            System.Net.IPAddress.TryParse(e.Address, out _) ? e.Address : null,
            Ref(e.Component),
            Ref(e.DestinationVpc),
            e.Direction,
            e.Code,
            Ref(e.InternetGateway),
            Ref(e.NetworkInterface),
            e.PacketField,
            Ref(e.VpcPeeringConnection),
            e.Port,
            e.PortRanges.Count == 0 ? null : e.PortRanges.Select(p => Range(p)!).ToList(),
            e.Protocol is { } protocol ? [protocol] : null,
            e.RouteTableRoute is { } route ? Route(route) : null,
            Ref(e.RouteTable),
            e.SecurityGroups.Count == 0 ? null : e.SecurityGroups.Select(g => Ref(g)!).ToList(),
            Ref(e.SourceVpc),
            Ref(e.Subnet),
            Ref(e.Vpc));

        private AnalysisComponent? Ref(ComponentRef? c) =>
            c is null ? null : new AnalysisComponent(c.Id, c.Arn ?? Arn(c.Type, c.Id), c.Name);

        /// <summary>EC2 ARNs name the resource type as the IAM reference does (<c>natgateway</c> for NAT gateways).</summary>
        private string? Arn(string type, string id) => type switch
        {
            "unknown" or "" => null,
            "nat-gateway" => $"arn:aws:ec2:{region}:{accountId}:natgateway/{id}",
            _ => $"arn:aws:ec2:{region}:{accountId}:{type}/{id}",
        };

        private static AnalysisAclRule AclRule(MatchedAclEntry e) =>
            new(e.Cidr, e.Egress, Range(e.PortRange), e.Protocol, e.RuleAction, e.RuleNumber);

        /// <summary>The target goes in the member AWS names after its kind; the local route's target is the gateway <c>local</c>.</summary>
        private static AnalysisRouteTableRoute Route(MatchedRoute r)
        {
            string? Target(params RouteTargetKind[] kinds) => kinds.Contains(r.TargetKind) ? r.TargetId : null;
            return new AnalysisRouteTableRoute(
                r.DestinationCidr, r.DestinationPrefixListId,
                Target(RouteTargetKind.EgressOnlyInternetGateway),
                Target(RouteTargetKind.Local, RouteTargetKind.InternetGateway, RouteTargetKind.GatewayVpcEndpoint, RouteTargetKind.VirtualPrivateGateway, RouteTargetKind.Other),
                Target(RouteTargetKind.Instance),
                Target(RouteTargetKind.NatGateway),
                Target(RouteTargetKind.NetworkInterface),
                // AWS writes the origin in lower case here ("createroute"), unlike DescribeRouteTables.
                r.Origin.ToLowerInvariant(),
                Target(RouteTargetKind.TransitGateway),
                Target(RouteTargetKind.VpcPeeringConnection),
                r.State);
        }

        private static AnalysisPacketHeader? Header(PacketHeader? h) => h is null ? null : new AnalysisPacketHeader(
            h.DestinationAddresses, h.DestinationPorts.Select(p => Range(p)!).ToList(),
            h.Protocol.ToString(System.Globalization.CultureInfo.InvariantCulture),
            h.SourceAddresses, h.SourcePorts.Select(p => Range(p)!).ToList());

        private static Shape.PortRange? Range(PortSpan? p) => p is { } span ? new Shape.PortRange(span.From, span.To) : null;
    }
}
