using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.VpcPeering;

/// <summary>
/// Peering connections belong to two scopes at once, so no automatic scope filter applies to them: every query here
/// selects the rows where the caller is the requester or the accepter. Time-driven states are computed on read: a
/// request not accepted within 7 days is <c>expired</c>, and a connection that ended (deleted, rejected, failed,
/// expired) stays visible for an hour, then vanishes.
/// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-lifecycle
/// </summary>
public static class VpcPeeringConnections
{
    public const string ResourceType = "vpc-peering-connection";
    public const string PendingAcceptance = "pending-acceptance";
    public const string Active = "active";
    public const string Deleted = "deleted";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
    public const string Expired = "expired";

    public static readonly TimeSpan RequestLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan VisibleAfterEnd = TimeSpan.FromHours(1);

    /// <summary>The connections the caller is a side of (in its account and region).</summary>
    public static IQueryable<VpcPeeringConnection> VisibleTo(this IQueryable<VpcPeeringConnection> query, RequestContext request)
    {
        var (account, region) = (request.AccountId, request.Region);
        return query.Where(p => (p.RequesterAccountId == account && p.RequesterRegion == region) || (p.AccepterAccountId == account && p.AccepterRegion == region));
    }

    public static bool IsRequester(this VpcPeeringConnection connection, RequestContext request) =>
        connection.RequesterAccountId == request.AccountId && connection.RequesterRegion == request.Region;

    public static bool IsAccepter(this VpcPeeringConnection connection, RequestContext request) =>
        connection.AccepterAccountId == request.AccountId && connection.AccepterRegion == request.Region;

    /// <summary>A change to the connection changes what both sides' scopes see (their routes, rules and reachability).</summary>
    public static void ChangesBothSides(this ScopeWriter writer, VpcPeeringConnection connection)
    {
        writer.AlsoChanges(connection.RequesterAccountId, connection.RequesterRegion);
        writer.AlsoChanges(connection.AccepterAccountId, connection.AccepterRegion);
    }

    /// <summary>The status as of <paramref name="now"/>: a pending request past its expiration time has expired.</summary>
    public static string StatusAt(this VpcPeeringConnection connection, DateTimeOffset now) =>
        connection.Status == PendingAcceptance && now >= connection.ExpirationTime ? Expired : connection.Status;

    public static string StatusMessageAt(this VpcPeeringConnection connection, DateTimeOffset now) =>
        connection.StatusAt(now) == Expired && connection.Status != Expired ? "Expired" : connection.StatusMessage;

    /// <summary>Whether the connection still shows in Describe: ended connections vanish an hour after they ended.</summary>
    public static bool IsVisibleAt(this VpcPeeringConnection connection, DateTimeOffset now)
    {
        var ended = connection.StatusAt(now) switch
        {
            Expired => connection.ExpirationTime,
            Deleted or Rejected or Failed => connection.DeletedAt,
            _ => null,
        };
        return ended is not { } at || now < at + VisibleAfterEnd;
    }

    /// <summary>One connection the caller is a side of and can still see (tracked, for changes), or InvalidVpcPeeringConnectionID.NotFound.</summary>
    public static async Task<VpcPeeringConnection> LoadVisibleAsync(this ControlPlaneDbContext db, RequestContext request, string? id, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var connection = id is null ? null : await db.VpcPeeringConnections.VisibleTo(request).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return connection is not null && connection.IsVisibleAt(now) ? connection : throw Ec2Errors.VpcPeeringConnectionNotFound(id ?? "");
    }

    /// <summary>
    /// The VPCs of both sides of <paramref name="connections"/>, each read in its own (account, region) only: the
    /// peer side lives in another scope, so the scope filter is bypassed explicitly, and only for the VPCs named.
    /// </summary>
    public static async Task<IReadOnlyDictionary<(string Account, string Region, string VpcId), Vpc>> LoadSideVpcsAsync(this ControlPlaneDbContext db,
        IEnumerable<VpcPeeringConnection> connections, CancellationToken cancellationToken)
    {
        var sides = connections.SelectMany(c => new[] { (c.RequesterAccountId, c.RequesterRegion, c.RequesterVpcId), (c.AccepterAccountId, c.AccepterRegion, c.AccepterVpcId) })
            .Distinct().GroupBy(s => (s.Item1, s.Item2));
        var found = new Dictionary<(string, string, string), Vpc>();
        foreach (var scope in sides)
        {
            var (account, region) = scope.Key;
            var ids = scope.Select(s => s.Item3).ToList();
            var vpcs = await db.Vpcs.IgnoreQueryFilters().AsNoTracking().Include(v => v.CidrBlocks)
                .Where(v => v.AccountId == account && v.Region == region && ids.Contains(v.Id)).ToListAsync(cancellationToken);
            foreach (var vpc in vpcs) found[(account, region, vpc.Id)] = vpc;
        }
        return found;
    }

    /// <summary>One VPC of another (or the same) scope, read only in that scope.</summary>
    public static Task<Vpc?> FindVpcInScopeAsync(this ControlPlaneDbContext db, string account, string region, string vpcId, CancellationToken cancellationToken) =>
        db.Vpcs.IgnoreQueryFilters().AsNoTracking().Include(v => v.CidrBlocks)
            .FirstOrDefaultAsync(v => v.Id == vpcId && v.AccountId == account && v.Region == region, cancellationToken);
}
