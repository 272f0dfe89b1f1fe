using System.Globalization;
using System.Text.Json.Serialization;
using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Querying;
using ControlPlane.Domain.Model;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.VpcPeering;

/// <summary>
/// How a peering connection reads on the wire (the model's <c>VpcPeeringConnection</c>), and the
/// DescribeVpcPeeringConnections filter table. The accepter's CIDR blocks and both sides' peering options show once
/// the connection is active (AWS hides the accepter's addresses until it accepts); the expiration time only while
/// the request is pending.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcPeeringConnection.html
/// </summary>
public static class VpcPeeringConnectionViews
{
    /// <summary>The model's <c>CidrBlock</c> structure; C# cannot name a member after its type, so the JSON name carries it.</summary>
    public sealed record CidrBlockItem([property: JsonPropertyName("CidrBlock")] string Block);

    /// <summary>The model's <c>Ipv6CidrBlock</c> structure.</summary>
    public sealed record Ipv6CidrBlockItem([property: JsonPropertyName("Ipv6CidrBlock")] string Block);

    public sealed record VpcPeeringConnectionOptionsDescription(bool AllowDnsResolutionFromRemoteVpc, bool AllowEgressFromLocalClassicLinkToRemoteVpc,
        bool AllowEgressFromLocalVpcToRemoteClassicLink);

    public sealed record VpcPeeringConnectionVpcInfo(
        string? CidrBlock,
        IReadOnlyList<CidrBlockItem>? CidrBlockSet,
        IReadOnlyList<Ipv6CidrBlockItem>? Ipv6CidrBlockSet,
        string OwnerId,
        string VpcId,
        string Region,
        VpcPeeringConnectionOptionsDescription? PeeringOptions);

    public sealed record VpcPeeringConnectionStateReason(string Code, string Message);

    public sealed record VpcPeeringConnectionShape(
        string VpcPeeringConnectionId,
        VpcPeeringConnectionVpcInfo RequesterVpcInfo,
        VpcPeeringConnectionVpcInfo AccepterVpcInfo,
        VpcPeeringConnectionStateReason Status,
        DateTimeOffset? ExpirationTime,
        IReadOnlyList<Shape.Tag> Tags);

    /// <param name="Status">The status as of the request (see <see cref="VpcPeeringConnections.StatusAt"/>).</param>
    public sealed record Row(VpcPeeringConnection Connection, string Status, string StatusMessage, Vpc? RequesterVpc, Vpc? AccepterVpc, IReadOnlyList<Shape.Tag> Tags)
    {
        public VpcPeeringConnectionVpcInfo Requester => Info(Connection.RequesterAccountId, Connection.RequesterRegion, Connection.RequesterVpcId, RequesterVpc,
            showBlocks: true, Status == VpcPeeringConnections.Active ? Connection.RequesterAllowDnsResolutionFromRemoteVpc : null);

        public VpcPeeringConnectionVpcInfo Accepter => Info(Connection.AccepterAccountId, Connection.AccepterRegion, Connection.AccepterVpcId, AccepterVpc,
            showBlocks: Status == VpcPeeringConnections.Active, Status == VpcPeeringConnections.Active ? Connection.AccepterAllowDnsResolutionFromRemoteVpc : null);
    }

    public static Row ToRow(VpcPeeringConnection connection, DateTimeOffset now,
        IReadOnlyDictionary<(string Account, string Region, string VpcId), Vpc> vpcs, IReadOnlyList<Shape.Tag> tags) => new(
        connection, connection.StatusAt(now), connection.StatusMessageAt(now),
        vpcs.GetValueOrDefault((connection.RequesterAccountId, connection.RequesterRegion, connection.RequesterVpcId)),
        vpcs.GetValueOrDefault((connection.AccepterAccountId, connection.AccepterRegion, connection.AccepterVpcId)),
        tags);

    public static VpcPeeringConnectionShape ToShape(Row row) => new(
        row.Connection.Id, row.Requester, row.Accepter,
        new VpcPeeringConnectionStateReason(row.Status, row.StatusMessage),
        row.Status == VpcPeeringConnections.PendingAcceptance ? row.Connection.ExpirationTime : null,
        row.Tags);

    private static VpcPeeringConnectionVpcInfo Info(string account, string region, string vpcId, Vpc? vpc, bool showBlocks, bool? allowDns)
    {
        var blocks = showBlocks && vpc is not null ? VpcViews.Ipv4Blocks(vpc).Select(c => new CidrBlockItem(c.Cidr)).ToList() : null;
        var blocks6 = showBlocks && vpc is not null ? vpc.CidrBlocks.Where(c => c.IsIpv6).Select(c => new Ipv6CidrBlockItem(c.Cidr)).ToList() : null;
        return new VpcPeeringConnectionVpcInfo(
            showBlocks ? vpc?.CidrBlock : null, blocks, blocks6 is { Count: > 0 } ? blocks6 : null, account, vpcId, region,
            allowDns is { } dns ? new VpcPeeringConnectionOptionsDescription(dns, false, false) : null);
    }

    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>
    {
        ["accepter-vpc-info.cidr-block"] = r => r.Accepter.CidrBlockSet?.Select(c => c.Block) ?? [],
        ["accepter-vpc-info.owner-id"] = r => FilterValues.One(r.Connection.AccepterAccountId),
        ["accepter-vpc-info.vpc-id"] = r => FilterValues.One(r.Connection.AccepterVpcId),
        ["expiration-time"] = r => FilterValues.One(r.Status == VpcPeeringConnections.PendingAcceptance
            ? r.Connection.ExpirationTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : null),
        ["requester-vpc-info.cidr-block"] = r => r.Requester.CidrBlockSet?.Select(c => c.Block) ?? [],
        ["requester-vpc-info.owner-id"] = r => FilterValues.One(r.Connection.RequesterAccountId),
        ["requester-vpc-info.vpc-id"] = r => FilterValues.One(r.Connection.RequesterVpcId),
        ["status-code"] = r => FilterValues.One(r.Status),
        ["status-message"] = r => FilterValues.One(r.StatusMessage),
        ["vpc-peering-connection-id"] = r => FilterValues.One(r.Connection.Id),
    }, r => r.Tags);
}
