using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>
/// Adds a route: exactly one destination (IPv4 block, IPv6 block or customer-managed prefix list) and exactly one target.
/// A destination equal to or inside one of the VPC's blocks may only target an interface (AWS's more-specific routing);
/// the VPC's own blocks already have their local routes. Repeating a route with the same target succeeds; another
/// target for an existing destination is RouteAlreadyExists (ReplaceRoute changes it).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html
/// </summary>
public static class CreateRoute
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IRouteTarget
    {
        public string? RouteTableId { get; init; }
        public string? DestinationCidrBlock { get; init; }
        public string? DestinationIpv6CidrBlock { get; init; }
        public string? DestinationPrefixListId { get; init; }
        public string? GatewayId { get; init; }
        public string? EgressOnlyInternetGatewayId { get; init; }
        public string? NatGatewayId { get; init; }
        public string? NetworkInterfaceId { get; init; }
        public string? InstanceId { get; init; }
        public string? VpcPeeringConnectionId { get; init; }
        public string? TransitGatewayId { get; init; }
        public string? VpcEndpointId { get; init; }
        public string? LocalGatewayId { get; init; }
        public string? CarrierGatewayId { get; init; }
        public string? CoreNetworkArn { get; init; }
        public string? OdbNetworkArn { get; init; }
        public bool? DryRun { get; init; }

        bool? IRouteTarget.LocalTarget => null;
    }

    public sealed record Result(bool Return);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidRouteTarget(replace: false);
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var (table, vpc) = await db.LoadRouteTableAsync(command.RouteTableId!, cancellationToken);
            var destination = await db.CheckDestinationAsync(command, cancellationToken);
            var target = await db.ResolveTargetAsync(command, table, destination, cancellationToken);
            var local = RouteChanges.LocalMatch(vpc, destination);
            if (local.Inside && !target.IsInterface) throw Ec2Errors.RouteMoreSpecificThanLocal(destination.Text);
            if (local.Equal) throw Ec2Errors.RouteAlreadyExists(destination.Text);

            if (table.Routes.FirstOrDefault(r => r.Destination == destination.Text) is { } existing)
            {
                return target.Matches(existing) ? new Result(true) : throw Ec2Errors.RouteAlreadyExists(destination.Text);
            }
            if (table.Routes.Count(r => r.Origin == RouteTableViews.CreateRouteOrigin) >= options.Value.Quotas.RoutesPerRouteTable)
                throw Ec2Errors.RouteLimitExceeded(table.Id);
            var route = RouteChanges.NewRoute(table, destination, RouteTableViews.CreateRouteOrigin);
            target.ApplyTo(route);
            db.Routes.Add(route);
            return new Result(true);
        }, cancellationToken);
    }
}
