using ControlPlane.Application.Features.Regions;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vpc = ControlPlane.Domain.Model.Vpc;

namespace ControlPlane.Application.Features.VpcPeering;

/// <summary>
/// Requests a peering connection from one of the caller's VPCs to a VPC of any account and region. AWS creates the
/// connection even when the peer cannot be peered: a peer VPC that does not exist in the peer's account and region,
/// or IPv4 CIDR blocks that overlap, leave it <c>failed</c> with a status message. Otherwise it waits for the
/// accepter (even within one account and region) for 7 days.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcPeeringConnection.html
/// </summary>
public static class CreateVpcPeeringConnection
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? VpcId { get; init; }
        public string? PeerVpcId { get; init; }
        public string? PeerOwnerId { get; init; }
        public string? PeerRegion { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(VpcPeeringConnectionViews.VpcPeeringConnectionShape VpcPeeringConnection);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VpcId).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("VpcId"));
            RuleFor(c => c.PeerVpcId).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("PeerVpcId"));
            RuleFor(c => c.PeerOwnerId!).Matches("^[0-9]{12}$").When(c => c.PeerOwnerId is not null)
                .WithAwsError((_, v) => Ec2Errors.InvalidParameterValue(v, "peerOwnerId"));
            RuleFor(c => c.PeerRegion!).Must(RegionCatalog.IsKnown).When(c => c.PeerRegion is not null)
                .WithAwsError((_, v) => Ec2Errors.PeerRegionUnknown(v));
            this.ValidTagSpecifications(VpcPeeringConnections.ResourceType);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, RequestContext request, IIdGenerator ids, TagStore tags, TimeProvider time,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var now = time.GetUtcNow();
            var vpcId = command.VpcId!;
            var vpc = await db.Vpcs.AsNoTracking().Include(v => v.CidrBlocks).FirstOrDefaultAsync(v => v.Id == vpcId, cancellationToken)
                ?? throw Ec2Errors.VpcNotFound(vpcId);
            var peerAccount = command.PeerOwnerId ?? request.AccountId;
            var peerRegion = command.PeerRegion ?? request.Region;
            var peerVpcId = command.PeerVpcId!;
            await RequireWithinQuotasAsync(vpc.Id, peerVpcId, now, cancellationToken);

            var peer = await db.FindVpcInScopeAsync(peerAccount, peerRegion, peerVpcId, cancellationToken);
            var (status, message) = peer switch
            {
                null => (VpcPeeringConnections.Failed, $"Failed due to incorrect VPC-ID, Account ID, or the peer VPC {peerVpcId} does not exist"),
                _ when Overlap(vpc, peer) is { } block => (VpcPeeringConnections.Failed, $"Failed due to overlapping CIDR range {block}"),
                _ => (VpcPeeringConnections.PendingAcceptance, $"Pending Acceptance by {peerAccount}"),
            };
            var connection = new VpcPeeringConnection
            {
                Id = ids.NewId(ResourceIds.VpcPeeringConnection),
                RequesterAccountId = request.AccountId,
                RequesterRegion = request.Region,
                RequesterVpcId = vpc.Id,
                AccepterAccountId = peerAccount,
                AccepterRegion = peerRegion,
                AccepterVpcId = peerVpcId,
                Status = status,
                StatusMessage = message,
                ExpirationTime = now + VpcPeeringConnections.RequestLifetime,
                DeletedAt = status == VpcPeeringConnections.Failed ? now : null,
            };
            db.VpcPeeringConnections.Add(connection);
            writer.ChangesBothSides(connection);
            var applied = await tags.ApplyAsync(command.TagSpecifications, VpcPeeringConnections.ResourceType, connection.Id,
                options.Value.Quotas.TagsPerResource, cancellationToken);
            var vpcs = new Dictionary<(string, string, string), Vpc> { [(request.AccountId, request.Region, vpc.Id)] = vpc };
            if (peer is not null) vpcs[(peerAccount, peerRegion, peer.Id)] = peer;
            return new Result(VpcPeeringConnectionViews.ToShape(VpcPeeringConnectionViews.ToRow(connection, now, vpcs, applied)));
        }, cancellationToken);

        /// <summary>
        /// One live connection per pair of VPCs, and per-VPC quotas on pending and active connections (counted on the
        /// caller's side, where the VPC is).
        /// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-connection-quotas.html
        /// </summary>
        private async Task RequireWithinQuotasAsync(string vpcId, string peerVpcId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var live = (await db.VpcPeeringConnections.AsNoTracking().VisibleTo(request)
                    .Where(p => (p.RequesterVpcId == vpcId || p.AccepterVpcId == vpcId)
                        && (p.Status == VpcPeeringConnections.PendingAcceptance || p.Status == VpcPeeringConnections.Active))
                    .ToListAsync(cancellationToken))
                .Where(p => p.StatusAt(now) != VpcPeeringConnections.Expired).ToList();
            if (live.Exists(p => p.RequesterVpcId == peerVpcId || p.AccepterVpcId == peerVpcId))
                throw Ec2Errors.VpcPeeringConnectionAlreadyExists(vpcId, peerVpcId);
            var quotas = options.Value.Quotas;
            if (live.Count(p => p.Status == VpcPeeringConnections.PendingAcceptance) >= quotas.PendingVpcPeeringConnectionsPerVpc)
                throw Ec2Errors.VpcPeeringConnectionLimitExceeded(vpcId, "pending");
            if (live.Count(p => p.Status == VpcPeeringConnections.Active) >= quotas.ActiveVpcPeeringConnectionsPerVpc)
                throw Ec2Errors.VpcPeeringConnectionLimitExceeded(vpcId, "active");
        }

        private static string? Overlap(Vpc vpc, Vpc peer)
        {
            var peerBlocks = Ipv4(peer).ToList();
            foreach (var block in Ipv4(vpc)) if (peerBlocks.Exists(block.Overlaps)) return block.ToString();
            return null;
        }

        private static IEnumerable<Cidr> Ipv4(Vpc vpc) =>
            vpc.CidrBlocks.Where(c => !c.IsIpv6).Select(c => Cidr.TryParse(c.Cidr, out var block) ? block : (Cidr?)null).OfType<Cidr>();
    }
}
