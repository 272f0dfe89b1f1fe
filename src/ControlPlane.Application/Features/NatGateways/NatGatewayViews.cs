using ControlPlane.Application.Querying;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.NatGateways;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NatGatewayAddress.html</summary>
public sealed record NatGatewayAddressShape(string? AllocationId, string? AssociationId, string? NetworkInterfaceId, string? PrivateIp, string? PublicIp,
    bool IsPrimary, string Status);

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NatGateway.html</summary>
public sealed record NatGatewayShape(
    string ConnectivityType,
    DateTimeOffset CreateTime,
    DateTimeOffset? DeleteTime,
    IReadOnlyList<NatGatewayAddressShape> NatGatewayAddresses,
    string NatGatewayId,
    string State,
    string SubnetId,
    IReadOnlyList<Shape.Tag> Tags,
    string VpcId);

/// <summary>How a NAT gateway reads on the wire, its interface, and the DescribeNatGateways filter table.</summary>
public static class NatGatewayViews
{
    public const string IdPrefix = ResourceIds.NatGateway;
    public const string ResourceType = "natgateway";
    public const string Public = "public";
    public const string Private = "private";
    public const string Available = "available";
    public const string Deleted = "deleted";

    /// <summary>
    /// The AWS service account shown as RequesterId of NAT gateway interfaces (as recorded in an AWS Config record of a
    /// real NAT interface; AWS uses one such account per region, the emulator one everywhere).
    /// </summary>
    public const string RequesterId = "036872051663";

    /// <summary>"Deleted NAT gateways remain visible for about an hour" (VPC user guide, nat-gateway-deleting).</summary>
    public static readonly TimeSpan DeletedVisibleFor = TimeSpan.FromHours(1);

    public sealed record Row(NatGateway Gateway, IReadOnlyList<Shape.Tag> Tags, string? AssociationId);

    public static bool IsVisible(NatGateway gateway, DateTimeOffset now) =>
        gateway.DeleteTime is not { } deleted || now - deleted < DeletedVisibleFor;

    public static NatGatewayShape ToShape(Row row, string? state = null)
    {
        var g = row.Gateway;
        var address = new NatGatewayAddressShape(g.AllocationId, row.AssociationId, g.NetworkInterfaceId, g.PrivateIp, g.PublicIp, IsPrimary: true, "succeeded");
        return new NatGatewayShape(g.ConnectivityType, g.CreateTime, g.DeleteTime, [address], g.Id, state ?? g.State, g.SubnetId, row.Tags, g.VpcId);
    }

    public static string Description(string id) => $"Interface for NAT Gateway {id}";

    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>
    {
        ["nat-gateway-id"] = r => FilterValues.One(r.Gateway.Id),
        ["state"] = r => FilterValues.One(r.Gateway.State),
        ["subnet-id"] = r => FilterValues.One(r.Gateway.SubnetId),
        ["vpc-id"] = r => FilterValues.One(r.Gateway.VpcId),
    }, r => r.Tags);
}
