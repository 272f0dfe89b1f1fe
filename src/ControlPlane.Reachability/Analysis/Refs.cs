using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Analysis;

/// <summary>
/// Component references as the Reachability Analyzer shows them (AnalysisComponent: id, ARN, name), with EC2 ARNs
/// built as AWS builds them: <c>arn:aws:ec2:{region}:{account}:{type}/{id}</c>.
/// </summary>
internal sealed class Refs(string region, string accountId)
{
    public ComponentRef Interface(CompiledInterface eni) => Ec2("network-interface", eni.Id);
    public ComponentRef Group(CompiledGroup group) => Ec2("security-group", group.Id) with { Name = group.View?.Name };
    public ComponentRef Acl(CompiledAcl acl) => Ec2("network-acl", acl.Id);
    public ComponentRef RouteTable(CompiledRouteTable table) => Ec2("route-table", table.Id);
    public ComponentRef Peering(CompiledPeering peering) => Ec2("vpc-peering-connection", peering.Id);
    public ComponentRef Subnet(string id) => Ec2("subnet", id);
    public ComponentRef Vpc(string id) => Ec2("vpc", id);

    public ComponentRef Gateway(GatewayView gateway) => gateway.Kind switch
    {
        GatewayKind.InternetGateway => Ec2("internet-gateway", gateway.Id),
        GatewayKind.EgressOnlyInternetGateway => Ec2("egress-only-internet-gateway", gateway.Id),
        _ => Ec2("natgateway", gateway.Id),
    };

    public static ComponentRef Owner(OwnerView owner) => new(owner.Type, owner.Id, owner.Arn, owner.Name);

    /// <summary>Something the query named that the view does not hold (<c>NO_SOURCE_OR_DESTINATION</c>).</summary>
    public static ComponentRef Unknown(string given) => new("unknown", given);

    private ComponentRef Ec2(string type, string id) => new(type, id, $"arn:aws:ec2:{region}:{accountId}:{type}/{id}");
}
