using ControlPlane.Application.Querying;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// The DescribeNetworkInterfaces filter names. The store holds no network interfaces yet, so the table only checks
/// names (an unknown one is InvalidParameterValue, as AWS answers): no item ever reaches a predicate.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInterfaces.html
/// </summary>
public static class NetworkInterfaceViews
{

    private static readonly string[] Names =
    [
        "addresses.association.owner-id", "addresses.association.public-ip", "addresses.primary", "addresses.private-ip-address",
        "association.allocation-id", "association.association-id", "association.ip-owner-id", "association.public-dns-name",
        "association.public-ip",
        "attachment.attach-time", "attachment.attachment-id", "attachment.delete-on-termination", "attachment.device-index",
        "attachment.instance-id", "attachment.instance-owner-id", "attachment.status",
        "availability-zone", "availability-zone-id", "description", "group-id", "interface-type", "ipv6-addresses.ipv6-address",
        "mac-address", "network-interface-id", "operator.managed", "operator.principal", "owner-id", "private-dns-name",
        "private-ip-address", "requester-id", "requester-managed", "source-dest-check", "status", "subnet-id", "vpc-id",
    ];

    private static readonly Func<object, IEnumerable<string?>> NoValues = static _ => [];

    public static readonly FilterTable<object> Filters = new(Names.ToDictionary(n => n, _ => NoValues), static _ => []);

}
