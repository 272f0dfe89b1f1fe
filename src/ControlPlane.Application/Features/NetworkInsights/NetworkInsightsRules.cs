using System.Net;
using System.Net.Sockets;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.NetworkInsights;

/// <summary>Input rules the path actions share: protocols, ports, IPv4 addresses and the two filters.</summary>
public static class NetworkInsightsRules
{
    /// <summary>The model's <c>Protocol</c> enum is <c>tcp | udp</c>; AWS takes either case and answers lower case.</summary>
    public static int? ProtocolNumber(string protocol) => protocol.ToLowerInvariant() switch
    {
        "tcp" => 6,
        "udp" => 17,
        _ => null,
    };

    public static bool IsPort(int port) => port is >= 0 and <= 65535;

    /// <summary>Dotted-quad IPv4 only (the model's <c>IpAddress</c> pattern); the Reachability Analyzer takes no IPv6 here.</summary>
    public static bool IsIpv4(string text) =>
        text.Count(c => c == '.') == 3 && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork;

    public static AwsException? FilterProblem(PathRequestFilter? filter, string parameter)
    {
        if (filter is null) return null;
        if (filter.SourceAddress is { } source && !IsIpv4(source)) return Ec2Errors.NetworkInsightsAddressInvalid(source, $"{parameter}.SourceAddress");
        if (filter.DestinationAddress is { } destination && !IsIpv4(destination)) return Ec2Errors.NetworkInsightsAddressInvalid(destination, $"{parameter}.DestinationAddress");
        return RangeProblem(filter.SourcePortRange, $"{parameter}.SourcePortRange") ?? RangeProblem(filter.DestinationPortRange, $"{parameter}.DestinationPortRange");
    }

    private static AwsException? RangeProblem(RequestFilterPortRange? range, string parameter) => range switch
    {
        null => null,
        { FromPort: { } from } when !IsPort(from) => Ec2Errors.NetworkInsightsPortInvalid(from, $"{parameter}.FromPort"),
        { ToPort: { } to } when !IsPort(to) => Ec2Errors.NetworkInsightsPortInvalid(to, $"{parameter}.ToPort"),
        { FromPort: { } from, ToPort: { } to } when from > to => Ec2Errors.NetworkInsightsPortRangeInvalid(from, to, parameter),
        _ => null,
    };
}
