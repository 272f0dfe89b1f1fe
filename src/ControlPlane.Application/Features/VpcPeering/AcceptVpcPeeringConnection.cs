using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.VpcPeering;

/// <summary>
/// The owner of the accepter VPC, in the accepter's region, accepts a pending request; the requester cannot
/// ("User … cannot accept peering pcx-…", OperationNotPermitted). Accepting counts against the active quota of both VPCs.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AcceptVpcPeeringConnection.html
/// </summary>
public static class AcceptVpcPeeringConnection
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? VpcPeeringConnectionId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(VpcPeeringConnectionViews.VpcPeeringConnectionShape VpcPeeringConnection);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.VpcPeeringConnectionId).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("VpcPeeringConnectionId"));
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, RequestContext request, TagStore tags, TimeProvider time,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var now = time.GetUtcNow();
            var connection = await db.LoadVisibleAsync(request, command.VpcPeeringConnectionId, now, cancellationToken);
            if (!connection.IsAccepter(request)) throw Ec2Errors.VpcPeeringConnectionNotAccepter(request.AccountId, "accept", connection.Id);
            var status = connection.StatusAt(now);
            if (status != VpcPeeringConnections.PendingAcceptance) throw Ec2Errors.VpcPeeringConnectionStateTransition(connection.Id, status);

            var limit = options.Value.Quotas.ActiveVpcPeeringConnectionsPerVpc;
            foreach (var vpcId in new[] { connection.RequesterVpcId, connection.AccepterVpcId }.Distinct())
            {
                var active = await db.VpcPeeringConnections.AsNoTracking()
                    .CountAsync(p => p.Status == VpcPeeringConnections.Active && (p.RequesterVpcId == vpcId || p.AccepterVpcId == vpcId), cancellationToken);
                if (active >= limit) throw Ec2Errors.VpcPeeringConnectionLimitExceeded(vpcId, "active");
            }

            connection.Status = VpcPeeringConnections.Active;
            writer.ChangesBothSides(connection);
            connection.StatusMessage = "Active";
            var vpcs = await db.LoadSideVpcsAsync([connection], cancellationToken);
            var tagsOf = await tags.LoadAsync([connection.Id], cancellationToken);
            return new Result(VpcPeeringConnectionViews.ToShape(VpcPeeringConnectionViews.ToRow(connection, now, vpcs, tagsOf(connection.Id))));
        }, cancellationToken);
    }
}
