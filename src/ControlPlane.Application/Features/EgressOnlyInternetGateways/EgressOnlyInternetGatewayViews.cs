using ControlPlane.Domain.Ids;
using ControlPlane.Application.Querying;
using ControlPlane.Domain.Model;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.EgressOnlyInternetGateways;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EgressOnlyInternetGateway.html</summary>
public sealed record EgressOnlyInternetGatewayShape(
    IReadOnlyList<Shape.InternetGatewayAttachment> Attachments,
    string EgressOnlyInternetGatewayId,
    IReadOnlyList<Shape.Tag> Tags);

/// <summary>How an egress-only internet gateway reads on the wire, and the DescribeEgressOnlyInternetGateways filter table.</summary>
public static class EgressOnlyInternetGatewayViews
{
    /// <summary>AWS names them <c>eigw-…</c> (e.g. <c>eigw-015e0e244e24dfe8a</c> in the EC2 API reference examples).</summary>
    public const string IdPrefix = ResourceIds.EgressOnlyInternetGateway;
    public const string ResourceType = "egress-only-internet-gateway";

    /// <summary>An egress-only gateway belongs to its VPC for life: its one attachment is always <c>attached</c>.</summary>
    public const string AttachedState = "attached";

    public sealed record Row(EgressOnlyInternetGateway Gateway, IReadOnlyList<Shape.Tag> Tags);

    public static EgressOnlyInternetGatewayShape ToShape(Row row) =>
        new([new Shape.InternetGatewayAttachment(AttachedState, row.Gateway.VpcId)], row.Gateway.Id, row.Tags);

    /// <summary>The API reference documents only the tag filters for this action.</summary>
    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>(), r => r.Tags);
}
