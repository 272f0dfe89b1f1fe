using System.Collections.Concurrent;
using ControlPlane.Application.Features.Regions;
using ControlPlane.Application.Features.Subnets;
using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Store;

/// <summary>Remembers, per process, which scopes already exist, so only the first request of a scope touches the database for it.</summary>
public sealed class KnownScopes
{
    private readonly ConcurrentDictionary<(string, string), bool> _known = new();
    public bool Contains(string account, string region) => _known.ContainsKey((account, region));
    public void Add(string account, string region) => _known[(account, region)] = true;
    public void Clear() => _known.Clear();
}

/// <summary>
/// Every (account, region) starts as AWS accounts do: with a default VPC 172.31.0.0/16, one default /20 subnet per
/// availability zone (public IPs on launch), an internet gateway and a main route to it.
/// https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
/// </summary>
public sealed class ScopeInitializer(
    ControlPlaneDbContext db, RequestContext request, IStoreProvider provider, KnownScopes known,
    VpcBuilder vpcs, SubnetBuilder subnets, IIdGenerator ids, TimeProvider time)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var (account, region) = (request.AccountId, request.Region);
        if (known.Contains(account, region)) return;
        if (!await db.Scopes.AnyAsync(cancellationToken))
        {
            var gate = provider.WriteGate;
            if (gate is not null) await gate.WaitAsync(cancellationToken);
            try
            {
                if (!await db.Scopes.AnyAsync(cancellationToken)) await CreateAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another process created the scope at the same moment: its default VPC is the one.
            }
            finally
            {
                db.ChangeTracker.Clear();
                gate?.Release();
            }
        }
        known.Add(account, region);
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Scopes.Add(new ScopeState { AccountId = request.AccountId, Region = request.Region, Version = ScopeVersions.Fresh(time) });
        _ = Cidr.TryParse("172.31.0.0/16", out var block);
        var created = vpcs.Add(block, isDefault: true, "default", ipv6: null, enableDnsHostnames: true);
        var zones = RegionCatalog.Get(request.Region).Zones;
        for (var i = 0; i < zones.Count; i++)
        {
            _ = Cidr.TryParse($"172.31.{i * 16}.0/20", out var subnetBlock);
            subnets.Add(created.Vpc.Id, created.DefaultAcl.Id, subnetBlock, zones[i], defaultForAz: true);
        }
        var gateway = new InternetGateway { AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.InternetGateway), AttachedVpcId = created.Vpc.Id };
        db.InternetGateways.Add(gateway);
        created.MainRouteTable.Routes.Add(new Route { RouteTableId = created.MainRouteTable.Id, Destination = "0.0.0.0/0", DestinationCidrBlock = "0.0.0.0/0", GatewayId = gateway.Id });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
