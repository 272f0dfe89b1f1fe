using ControlPlane.Application.Querying;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.InternetGateways;

/// <summary>How an internet gateway reads on the wire, and the DescribeInternetGateways filter table.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInternetGateways.html</summary>
public static class InternetGatewayViews
{
    public const string ResourceType = "internet-gateway";

    public sealed record Row(InternetGateway Gateway, IReadOnlyList<Shape.Tag> Tags);

    /// <summary>The state of an attached internet gateway: AWS reports <c>available</c> (not <c>attached</c>) for a VPC attachment.
    /// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InternetGatewayAttachment.html</summary>
    public const string AttachedState = "available";

    public static IReadOnlyList<Shape.InternetGatewayAttachment> Attachments(InternetGateway g) =>
        g.AttachedVpcId is { } vpcId ? [new Shape.InternetGatewayAttachment(AttachedState, vpcId)] : [];

    public static Shape.InternetGateway ToShape(Row row) =>
        new(row.Gateway.Id, row.Gateway.AccountId, Attachments(row.Gateway), row.Tags);


    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>
    {
        ["attachment.state"] = r => Attachments(r.Gateway).Select(a => a.State),
        ["attachment.vpc-id"] = r => Attachments(r.Gateway).Select(a => a.VpcId),
        ["internet-gateway-id"] = r => FilterValues.One(r.Gateway.Id),
        ["owner-id"] = r => FilterValues.One(r.Gateway.AccountId),
    }, r => r.Tags);
}
