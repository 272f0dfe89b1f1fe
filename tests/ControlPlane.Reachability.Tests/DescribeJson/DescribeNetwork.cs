using System.Globalization;
using System.Net;
using System.Text.Json;
using ControlPlane.Domain.Networking;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.DescribeJson;

/// <summary>
/// Builds a <see cref="NetworkView"/> from the AWS CLI's JSON output, exactly as <c>aws ec2 describe-…</c> prints it
/// (PascalCase members). The input object holds one member per command, named after the command:
/// <c>{"describe-vpcs": {"Vpcs": [...]}, "describe-network-acls": {"NetworkAcls": [...]}, ...,
/// "get-managed-prefix-list-entries": {"pl-…": {"Entries": [...]}}}</c>. Every member is optional.
/// Security group rules come from <c>describe-security-group-rules</c> when present (with their ids), else from the
/// groups' <c>IpPermissions</c>/<c>IpPermissionsEgress</c>, one rule per peer, as AWS splits them.
/// </summary>
public static class DescribeNetwork
{
    public static NetworkView Load(JsonElement network, string accountId = "000000000000", string region = "us-east-1")
    {
        var prefixListEntries = Member(network, "get-managed-prefix-list-entries");
        var rulesByGroup = SecurityGroupRules.ByGroup(network);
        return new NetworkView
        {
            AccountId = accountId,
            Region = region,
            Vpcs = Items(network, "describe-vpcs", "Vpcs").Select(Vpc).ToList(),
            Subnets = Items(network, "describe-subnets", "Subnets").Select(Subnet).ToList(),
            RouteTables = Items(network, "describe-route-tables", "RouteTables").Select(Routes.Table).ToList(),
            NetworkAcls = Items(network, "describe-network-acls", "NetworkAcls").Select(NetworkAcl).ToList(),
            SecurityGroups = Items(network, "describe-security-groups", "SecurityGroups")
                .Select(g => SecurityGroupRules.Group(g, rulesByGroup)).ToList(),
            NetworkInterfaces = Items(network, "describe-network-interfaces", "NetworkInterfaces")
                .Select(e => Interface(e, network)).ToList(),
            PrefixLists = Items(network, "describe-managed-prefix-lists", "PrefixLists")
                .Select(p => PrefixList(p, prefixListEntries)).ToList(),
            Gateways =
            [
                .. Items(network, "describe-internet-gateways", "InternetGateways")
                    .Select(g => Gateway(g, "InternetGatewayId", GatewayKind.InternetGateway)),
                .. Items(network, "describe-egress-only-internet-gateways", "EgressOnlyInternetGateways")
                    .Select(g => Gateway(g, "EgressOnlyInternetGatewayId", GatewayKind.EgressOnlyInternetGateway)),
                .. Items(network, "describe-nat-gateways", "NatGateways")
                    .Select(g => new GatewayView(Text(g, "NatGatewayId")!, GatewayKind.NatGateway, Text(g, "VpcId"), Text(g, "State") ?? "available")),
            ],
            PeeringConnections = Items(network, "describe-vpc-peering-connections", "VpcPeeringConnections").Select(Peering).ToList(),
            Owners =
            [
                .. Items(network, "describe-instances", "Reservations")
                    .SelectMany(r => Array(r, "Instances"))
                    .Select(i => Instance(i, accountId, region)),
                .. Items(network, "describe-nat-gateways", "NatGateways").Select(n => new OwnerView(
                    Text(n, "NatGatewayId")!, "nat-gateway",
                    $"arn:aws:ec2:{region}:{accountId}:natgateway/{Text(n, "NatGatewayId")}", TagName(n), Text(n, "State") ?? "available")),
            ],
        };
    }

    private static VpcView Vpc(JsonElement vpc)
    {
        var primary = Text(vpc, "CidrBlock");
        var ipv4 = Array(vpc, "CidrBlockAssociationSet")
            .Where(a => State(a, "CidrBlockState") is null or "associated")
            .Select(a => Text(a, "CidrBlock")!)
            .OrderBy(c => c == primary ? 0 : 1);
        var ipv6 = Array(vpc, "Ipv6CidrBlockAssociationSet")
            .Where(a => State(a, "Ipv6CidrBlockState") is null or "associated")
            .Select(a => Text(a, "Ipv6CidrBlock")!);
        var blocks = ipv4.Concat(ipv6).Select(ParseCidr).ToList();
        if (blocks.Count == 0 && primary is not null) blocks.Add(ParseCidr(primary));
        return new VpcView(Text(vpc, "VpcId")!, Text(vpc, "OwnerId") ?? "", blocks);
    }

    private static SubnetView Subnet(JsonElement subnet) => new(
        Text(subnet, "SubnetId")!,
        Text(subnet, "VpcId")!,
        Text(subnet, "AvailabilityZone") ?? "",
        Text(subnet, "CidrBlock") is { } ipv4 ? ParseCidr(ipv4) : null,
        Array(subnet, "Ipv6CidrBlockAssociationSet")
            .Where(a => State(a, "Ipv6CidrBlockState") is null or "associated")
            .Select(a => (Cidr?)ParseCidr(Text(a, "Ipv6CidrBlock")!)).FirstOrDefault());

    private static NetworkAclView NetworkAcl(JsonElement acl) => new(
        Text(acl, "NetworkAclId")!,
        Text(acl, "VpcId")!,
        Bool(acl, "IsDefault") ?? false,
        Array(acl, "Associations").Select(a => Text(a, "SubnetId")).OfType<string>().ToList(),
        Array(acl, "Entries").Select(e =>
        {
            // DescribeNetworkAcls shows the protocol as a number string; PortRange for 6/17, IcmpTypeCode for 1/58.
            var protocol = Protocols.Number(Text(e, "Protocol") ?? "-1");
            PortSpan? ports = e.TryGetProperty("PortRange", out var range)
                ? new PortSpan(Int(range, "From") ?? 0, Int(range, "To") ?? 65535)
                : null;
            e.TryGetProperty("IcmpTypeCode", out var icmp);
            return new NetworkAclEntryView(
                Int(e, "RuleNumber")!.Value,
                Bool(e, "Egress") ?? false,
                protocol,
                Text(e, "RuleAction") == "allow",
                ParseCidr(Text(e, "CidrBlock") ?? Text(e, "Ipv6CidrBlock")!),
                ports,
                icmp.ValueKind == JsonValueKind.Object ? Int(icmp, "Type") : null,
                icmp.ValueKind == JsonValueKind.Object ? Int(icmp, "Code") : null);
        }).ToList());

    /// <summary>
    /// An interface; its owner is the instance it is attached to, else the resource that manages it (a NAT gateway's
    /// interface is found through <c>describe-nat-gateways</c>).
    /// </summary>
    private static NetworkInterfaceView Interface(JsonElement eni, JsonElement network)
    {
        var id = Text(eni, "NetworkInterfaceId")!;
        eni.TryGetProperty("Attachment", out var attachment);
        var owner = attachment.ValueKind == JsonValueKind.Object ? Text(attachment, "InstanceId") : null;
        owner ??= Items(network, "describe-nat-gateways", "NatGateways")
            .Where(n => Array(n, "NatGatewayAddresses").Any(a => Text(a, "NetworkInterfaceId") == id))
            .Select(n => Text(n, "NatGatewayId")).FirstOrDefault();
        return new NetworkInterfaceView
        {
            Id = id,
            SubnetId = Text(eni, "SubnetId")!,
            VpcId = Text(eni, "VpcId")!,
            AvailabilityZone = Text(eni, "AvailabilityZone") ?? "",
            Description = Text(eni, "Description") ?? "",
            InterfaceType = Text(eni, "InterfaceType") ?? "interface",
            RequesterManaged = Bool(eni, "RequesterManaged") ?? false,
            Status = Text(eni, "Status") ?? "in-use",
            SourceDestCheck = Bool(eni, "SourceDestCheck") ?? true,
            PrivateIpAddresses = Array(eni, "PrivateIpAddresses").Select(p =>
            {
                p.TryGetProperty("Association", out var association);
                var publicIp = association.ValueKind == JsonValueKind.Object ? Text(association, "PublicIp") : null;
                return new PrivateAddressView(IPAddress.Parse(Text(p, "PrivateIpAddress")!), Bool(p, "Primary") ?? false,
                    publicIp is null ? null : IPAddress.Parse(publicIp));
            }).ToList(),
            Ipv6Addresses = Array(eni, "Ipv6Addresses").Select(a => IPAddress.Parse(Text(a, "Ipv6Address")!)).ToList(),
            GroupIds = Array(eni, "Groups").Select(g => Text(g, "GroupId")!).ToList(),
            OwnerId = owner,
        };
    }

    private static PrefixListView PrefixList(JsonElement list, JsonElement entries)
    {
        var id = Text(list, "PrefixListId")!;
        var cidrs = entries.ValueKind == JsonValueKind.Object && entries.TryGetProperty(id, out var forList)
            ? Array(forList, "Entries").Select(e => ParseCidr(Text(e, "Cidr")!)).ToList()
            : [];
        return new PrefixListView(id, Text(list, "PrefixListName") ?? "", cidrs);
    }

    /// <summary>An internet or egress-only gateway, attached to the VPC of its live attachment (<c>available</c>/<c>attached</c>).</summary>
    private static GatewayView Gateway(JsonElement gateway, string idMember, GatewayKind kind)
    {
        var attachment = Array(gateway, "Attachments").FirstOrDefault(a => Text(a, "State") is "available" or "attached");
        var vpcId = attachment.ValueKind == JsonValueKind.Object ? Text(attachment, "VpcId") : null;
        return new GatewayView(Text(gateway, idMember)!, kind, vpcId, attachment.ValueKind == JsonValueKind.Object ? Text(attachment, "State")! : "detached");
    }

    private static PeeringConnectionView Peering(JsonElement pcx) => new(
        Text(pcx, "VpcPeeringConnectionId")!,
        Text(Member(pcx, "Status"), "Code") ?? "",
        Side(pcx, "RequesterVpcInfo"),
        Side(pcx, "AccepterVpcInfo"));

    private static PeeringSideView Side(JsonElement pcx, string member)
    {
        var side = Member(pcx, member);
        var primary = Text(side, "CidrBlock");
        var ipv4 = Array(side, "CidrBlockSet").Select(c => Text(c, "CidrBlock")!).ToList();
        if (ipv4.Count == 0 && primary is not null) ipv4.Add(primary);
        var ipv6 = Array(side, "Ipv6CidrBlockSet").Select(c => Text(c, "Ipv6CidrBlock")!);
        return new PeeringSideView(Text(side, "VpcId") ?? "", Text(side, "OwnerId") ?? "", Text(side, "Region") ?? "",
            ipv4.Concat(ipv6).Select(ParseCidr).ToList());
    }

    private static OwnerView Instance(JsonElement instance, string accountId, string region)
    {
        var id = Text(instance, "InstanceId")!;
        instance.TryGetProperty("State", out var state);
        return new OwnerView(id, "instance", $"arn:aws:ec2:{region}:{accountId}:instance/{id}", TagName(instance),
            state.ValueKind == JsonValueKind.Object ? Text(state, "Name") ?? "running" : "running");
    }

    internal static string? TagName(JsonElement resource) =>
        Array(resource, "Tags").Where(t => Text(t, "Key") == "Name").Select(t => Text(t, "Value")).FirstOrDefault();

    internal static IEnumerable<JsonElement> Items(JsonElement network, string command, string member) =>
        Array(Member(network, command), member);

    internal static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    internal static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    internal static string? Text(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    internal static int? Int(JsonElement element, string name) => Member(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } number => number.GetInt32(),
        { ValueKind: JsonValueKind.String } text => int.Parse(text.GetString()!, CultureInfo.InvariantCulture),
        _ => null,
    };

    internal static bool? Bool(JsonElement element, string name) => Member(element, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    private static string? State(JsonElement element, string member) => Text(Member(element, member), "State");

    internal static Cidr ParseCidr(string text) =>
        Cidr.TryParse(text, out var cidr) ? cidr : throw new FormatException($"not a CIDR block: {text}");
}
