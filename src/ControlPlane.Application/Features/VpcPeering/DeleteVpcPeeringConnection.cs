using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.VpcPeering;

/// <summary>
/// Either side deletes an active connection; the requester may also delete its pending request (the accepter
/// rejects it instead). Failed, rejected, expired and deleted connections cannot be deleted. Routes that target the
/// connection stay and turn <c>blackhole</c>.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpcPeeringConnection.html
/// </summary>
public static class DeleteVpcPeeringConnection
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
            var status = connection.StatusAt(now);
            var allowed = status == VpcPeeringConnections.Active || (status == VpcPeeringConnections.PendingAcceptance && connection.IsRequester(request));
            if (!allowed)
            {
                throw status == VpcPeeringConnections.PendingAcceptance
                    ? Ec2Errors.VpcPeeringConnectionNotAccepter(request.AccountId, "delete", connection.Id)
                    : Ec2Errors.VpcPeeringConnectionStateTransition(connection.Id, status);
            }
            connection.Status = VpcPeeringConnections.Deleted;
            writer.ChangesBothSides(connection);
            connection.StatusMessage = $"Deleted by {request.AccountId}";
            connection.DeletedAt = now;
            return new Result(true);
        }, cancellationToken);
    }
}
