using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.VpcPeering;

/// <summary>
/// The owner of the accepter VPC rejects a pending request (the requester deletes it instead). The rejected
/// connection stays visible to both sides for a while.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RejectVpcPeeringConnection.html
/// </summary>
public static class RejectVpcPeeringConnection
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? VpcPeeringConnectionId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(bool Return);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.VpcPeeringConnectionId).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("VpcPeeringConnectionId"));
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, RequestContext request, TimeProvider time) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var now = time.GetUtcNow();
            var connection = await db.LoadVisibleAsync(request, command.VpcPeeringConnectionId, now, cancellationToken);
            if (!connection.IsAccepter(request)) throw Ec2Errors.VpcPeeringConnectionNotAccepter(request.AccountId, "reject", connection.Id);
            var status = connection.StatusAt(now);
            if (status != VpcPeeringConnections.PendingAcceptance) throw Ec2Errors.VpcPeeringConnectionStateTransition(connection.Id, status);
            connection.Status = VpcPeeringConnections.Rejected;
            writer.ChangesBothSides(connection);
            connection.StatusMessage = $"Rejected by {request.AccountId}";
            connection.DeletedAt = now;
            return new Result(true);
        }, cancellationToken);
    }
}
