using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>
/// Points an existing route at another target. The destination must name a route of the table (else
/// InvalidParameterValue "There is no route defined for … Use CreateRoute instead."). A local route may be pointed at a
/// network interface (middlebox routing) and reset with <c>LocalTarget</c>.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceRoute.html
/// </summary>
public static class ReplaceRoute
{
    public sealed record Command : ICommand<Empty>, IDryRunnable, IRouteTarget
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
        public bool? LocalTarget { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidRouteTarget(replace: true);
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var (table, vpc) = await db.LoadRouteTableAsync(command.RouteTableId!, cancellationToken);
            var destination = await db.CheckDestinationAsync(command, cancellationToken);
            var target = await db.ResolveTargetAsync(command, table, destination, cancellationToken);
            var local = RouteChanges.LocalMatch(vpc, destination);
            var existing = table.Routes.FirstOrDefault(r => r.Destination == destination.Text);

            if (target.IsLocal)
            {
                if (!local.Equal) throw Ec2Errors.LocalTargetOutsideVpc(destination.Text);
                if (existing is not null) db.Routes.Remove(existing);
                return Empty.Instance;
            }
            if (local.Inside && !target.IsInterface) throw Ec2Errors.RouteMoreSpecificThanLocal(destination.Text);
            if (existing is null)
            {
                if (!local.Equal) throw Ec2Errors.RouteToReplaceNotFound(destination.Text);
                existing = RouteChanges.NewRoute(table, destination, RouteTableViews.LocalOrigin);
                db.Routes.Add(existing);
            }
            target.ApplyTo(existing);
            return Empty.Instance;
        }, cancellationToken);
    }
}
