using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.VpcEndpoints;

/// <summary>
/// Deletes VPC endpoints: their interfaces (Interface endpoints) and their prefix-list routes (Gateway endpoints) go with
/// them. An id that does not exist does not fail the call: AWS lists it under Unsuccessful with its error.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpcEndpoints.html
/// </summary>
public static class DeleteVpcEndpoints
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public IReadOnlyList<string>? VpcEndpointIds { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record UnsuccessfulItemError(string Code, string Message);

    public sealed record UnsuccessfulItem(UnsuccessfulItemError Error, string ResourceId);

    public sealed record Result(IReadOnlyList<UnsuccessfulItem> Unsuccessful);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VpcEndpointIds).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("VpcEndpointId"));
            RuleForEach(c => c.VpcEndpointIds).Must(id => ResourceIds.IsWellFormed(id, VpcEndpointViews.IdPrefix))
                .WithAwsError((_, id) => Ec2Errors.VpcEndpointIdMalformed(id));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var unsuccessful = new List<UnsuccessfulItem>();
            foreach (var id in command.VpcEndpointIds!.Distinct(StringComparer.Ordinal))
            {
                var endpoint = await db.VpcEndpoints.WithParts().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
                if (endpoint is null)
                {
                    unsuccessful.Add(new UnsuccessfulItem(new UnsuccessfulItemError(Ec2Errors.VpcEndpointNotFoundCode, Ec2Errors.VpcEndpointNotFoundMessage(id)), id));
                    continue;
                }
                await VpcEndpointParts.RemoveSubnetsAsync(db, tags, endpoint, endpoint.Subnets.Select(s => s.SubnetId).ToList(), cancellationToken);
                await VpcEndpointParts.RemoveRouteTablesAsync(db, endpoint, endpoint.RouteTables.Select(r => r.RouteTableId).ToList(), cancellationToken);
                await tags.RemoveAllAsync(id, cancellationToken);
                db.VpcEndpoints.Remove(endpoint);
            }
            return new Result(unsuccessful);
        }, cancellationToken);
    }
}
