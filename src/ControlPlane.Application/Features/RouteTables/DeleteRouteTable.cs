using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>
/// Deletes a route table with its routes. The main table cannot be deleted, nor a table still associated with a
/// subnet or gateway ("You must disassociate the route table from any subnets before you can delete it"): both are
/// DependencyViolation.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteRouteTable.html
/// </summary>
public static class DeleteRouteTable
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? RouteTableId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.RouteTableId).Must(RouteRequestRules.IsRouteTableId).WithAwsError((_, id) => Ec2Errors.RouteTableIdMalformed(id!));
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.RouteTableId!;
            var table = await db.RouteTables.Include(t => t.Associations).FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
                ?? throw Ec2Errors.RouteTableNotFound(id);
            if (table.Associations.Count > 0) throw Ec2Errors.RouteTableDependencyViolation(id);
            await db.Routes.Where(r => r.RouteTableId == id).ExecuteDeleteAsync(cancellationToken);
            await tags.RemoveAllAsync(id, cancellationToken);
            db.RouteTables.Remove(table);
            return Empty.Instance;
        }, cancellationToken);
    }
}
