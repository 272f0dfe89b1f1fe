using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>
/// Removes a route by its destination. A local route cannot be removed (InvalidParameterValue "cannot remove local
/// route …", which Terraform matches on); an unknown destination is InvalidRoute.NotFound.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteRoute.html
/// </summary>
public static class DeleteRoute
{
    public sealed record Command : ICommand<Empty>, IDryRunnable, IRouteDestination
    {
        public string? RouteTableId { get; init; }
        public string? DestinationCidrBlock { get; init; }
        public string? DestinationIpv6CidrBlock { get; init; }
        public string? DestinationPrefixListId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidRouteDestination();
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var (table, vpc) = await db.LoadRouteTableAsync(command.RouteTableId!, cancellationToken);
            var destination = RouteDestination.From(command);
            if (RouteChanges.LocalMatch(vpc, destination).Equal) throw Ec2Errors.CannotRemoveLocalRoute(destination.Text, table.Id);
            var route = table.Routes.FirstOrDefault(r => r.Destination == destination.Text)
                ?? throw Ec2Errors.RouteNotFound(table.Id, destination.FilterName, destination.Text);
            db.Routes.Remove(route);
            return Empty.Instance;
        }, cancellationToken);
    }
}
