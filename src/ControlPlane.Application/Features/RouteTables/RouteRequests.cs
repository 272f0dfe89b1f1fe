using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Networking;
using FluentValidation;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>The destination members CreateRoute, ReplaceRoute and DeleteRoute share.</summary>
public interface IRouteDestination
{
    string? RouteTableId { get; }
    string? DestinationCidrBlock { get; }
    string? DestinationIpv6CidrBlock { get; }
    string? DestinationPrefixListId { get; }
}

/// <summary>The target members CreateRoute and ReplaceRoute share (ReplaceRoute alone has LocalTarget).</summary>
public interface IRouteTarget : IRouteDestination
{
    string? GatewayId { get; }
    string? EgressOnlyInternetGatewayId { get; }
    string? NatGatewayId { get; }
    string? NetworkInterfaceId { get; }
    string? InstanceId { get; }
    string? VpcPeeringConnectionId { get; }
    string? TransitGatewayId { get; }
    string? VpcEndpointId { get; }
    string? LocalGatewayId { get; }
    string? CarrierGatewayId { get; }
    string? CoreNetworkArn { get; }
    string? OdbNetworkArn { get; }
    bool? LocalTarget { get; }
}

/// <summary>
/// The one destination of a route: an IPv4 or IPv6 block in canonical form (AWS canonicalises <c>100.68.0.18/18</c> to
/// <c>100.68.0.0/18</c>) or a prefix list id. <see cref="Text"/> is what the store keeps unique per table;
/// <see cref="IsIpv6"/> is the address family of the block or of the prefix list.
/// </summary>
public sealed record RouteDestination(string Text, Cidr? Block, string? PrefixListId, bool IsIpv6)
{
    /// <summary>How InvalidRoute.NotFound names the destination.</summary>
    public string FilterName => Block is null ? "destination-prefix-list-id" : IsIpv6 ? "destination-ipv6-cidr-block" : "destination-cidr-block";

    /// <summary>The destination of a validated request (exactly one destination, well formed).</summary>
    public static RouteDestination From(IRouteDestination request)
    {
        if (request.DestinationPrefixListId is { } list) return new RouteDestination(list, null, list, IsIpv6: false);
        _ = Cidr.TryParse(request.DestinationCidrBlock ?? request.DestinationIpv6CidrBlock, out var block);
        return new RouteDestination(block.ToString(), block, null, block.IsIpv6);
    }
}

/// <summary>Shape checks of the route actions; each carries its AWS error.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html</summary>
public static class RouteRequestRules
{
    public static bool IsRouteTableId(string? id) => id is null || ResourceIds.IsWellFormed(id, ResourceIds.RouteTable);

    public static void ValidRouteDestination<T>(this AbstractValidator<T> validator) where T : IRouteDestination
    {
        validator.RuleFor(c => c.RouteTableId).Must(IsRouteTableId).WithAwsError((_, v) => Ec2Errors.RouteTableIdMalformed(v!));
        validator.RuleFor(c => c).Must(c => DestinationCount(c) > 0).WithAwsError((_, _) => Ec2Errors.RouteDestinationMissing());
        validator.RuleFor(c => c).Must(c => DestinationCount(c) < 2).WithAwsError((_, _) => Ec2Errors.RouteDestinationCombination());
        validator.RuleFor(c => c.DestinationCidrBlock!).Must(t => Cidr.TryParse(t, out var c) && !c.IsIpv6).When(c => c.DestinationCidrBlock is not null)
            .WithAwsError((_, v) => Ec2Errors.InvalidCidrBlock(v, "destinationCidrBlock"));
        validator.RuleFor(c => c.DestinationIpv6CidrBlock!).Must(t => Cidr.TryParse(t, out var c) && c.IsIpv6).When(c => c.DestinationIpv6CidrBlock is not null)
            .WithAwsError((_, v) => Ec2Errors.InvalidCidrBlock(v, "destinationIpv6CidrBlock"));
        validator.RuleFor(c => c.DestinationPrefixListId!).Must(id => ResourceIds.IsWellFormed(id, PrefixListPrefix)).When(c => c.DestinationPrefixListId is not null)
            .WithAwsError((_, v) => Ec2Errors.PrefixListIdMalformed(v));
    }

    public static void ValidRouteTarget<T>(this AbstractValidator<T> validator, bool replace) where T : IRouteTarget
    {
        validator.ValidRouteDestination();
        validator.RuleFor(c => c).Must(c => TargetCount(c) > 0).WithAwsError((_, _) => Ec2Errors.RouteTargetMissing(replace));
        validator.RuleFor(c => c).Must(c => TargetCount(c) < 2).WithAwsError((_, _) => Ec2Errors.RouteTargetCombination(replace));
        validator.RuleFor(c => c.NetworkInterfaceId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.NetworkInterface)).When(c => c.NetworkInterfaceId is not null)
            .WithAwsError((_, v) => Ec2Errors.NetworkInterfaceIdMalformed(v));
        validator.RuleFor(c => c.CoreNetworkArn).Null().WithAwsError((_, _) => Ec2Errors.RouteTargetUnsupported("CoreNetworkArn"));
        validator.RuleFor(c => c.OdbNetworkArn).Null().WithAwsError((_, _) => Ec2Errors.RouteTargetUnsupported("OdbNetworkArn"));
    }

    public const string PrefixListPrefix = "pl";

    private static int DestinationCount(IRouteDestination c) =>
        (c.DestinationCidrBlock is null ? 0 : 1) + (c.DestinationIpv6CidrBlock is null ? 0 : 1) + (c.DestinationPrefixListId is null ? 0 : 1);

    private static int TargetCount(IRouteTarget c) =>
        new[]
        {
            c.GatewayId, c.EgressOnlyInternetGatewayId, c.NatGatewayId, c.NetworkInterfaceId, c.InstanceId, c.VpcPeeringConnectionId,
            c.TransitGatewayId, c.VpcEndpointId, c.LocalGatewayId, c.CarrierGatewayId, c.CoreNetworkArn, c.OdbNetworkArn,
        }.Count(v => v is not null) + (c.LocalTarget == true ? 1 : 0);
}
