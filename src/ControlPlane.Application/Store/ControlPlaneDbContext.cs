using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Store;

/// <summary>
/// The one EF Core model for both stores (SQLite and PostgreSQL). It is the repository: handlers query it directly.
/// Every scoped row is filtered to the request's (account, region), so no request can see another scope.
/// </summary>
public sealed class ControlPlaneDbContext(DbContextOptions<ControlPlaneDbContext> options, RequestContext request) : DbContext(options)
{
    private readonly RequestContext _request = request;

    // Read by the query filters on each query, so one cached model serves every scope.
    private string AccountId => _request.AccountId;
    private string Region => _request.Region;

    public DbSet<ScopeState> Scopes => Set<ScopeState>();
    public DbSet<Vpc> Vpcs => Set<Vpc>();
    public DbSet<VpcCidrBlock> VpcCidrBlocks => Set<VpcCidrBlock>();
    public DbSet<Subnet> Subnets => Set<Subnet>();
    public DbSet<SubnetIpv6CidrBlock> SubnetIpv6CidrBlocks => Set<SubnetIpv6CidrBlock>();
    public DbSet<SecurityGroup> SecurityGroups => Set<SecurityGroup>();
    public DbSet<SecurityGroupRule> SecurityGroupRules => Set<SecurityGroupRule>();
    public DbSet<NetworkAcl> NetworkAcls => Set<NetworkAcl>();
    public DbSet<NetworkAclEntry> NetworkAclEntries => Set<NetworkAclEntry>();
    public DbSet<NetworkAclAssociation> NetworkAclAssociations => Set<NetworkAclAssociation>();
    public DbSet<RouteTable> RouteTables => Set<RouteTable>();
    public DbSet<Route> Routes => Set<Route>();
    public DbSet<RouteTableAssociation> RouteTableAssociations => Set<RouteTableAssociation>();
    public DbSet<InternetGateway> InternetGateways => Set<InternetGateway>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<NetworkInterface> NetworkInterfaces => Set<NetworkInterface>();
    public DbSet<NetworkInterfacePrivateIp> NetworkInterfacePrivateIps => Set<NetworkInterfacePrivateIp>();
    public DbSet<NetworkInterfaceIpv6Address> NetworkInterfaceIpv6Addresses => Set<NetworkInterfaceIpv6Address>();
    public DbSet<NetworkInterfaceGroup> NetworkInterfaceGroups => Set<NetworkInterfaceGroup>();
    public DbSet<EgressOnlyInternetGateway> EgressOnlyInternetGateways => Set<EgressOnlyInternetGateway>();
    public DbSet<ManagedPrefixList> ManagedPrefixLists => Set<ManagedPrefixList>();
    public DbSet<ManagedPrefixListEntry> ManagedPrefixListEntries => Set<ManagedPrefixListEntry>();
    public DbSet<Instance> Instances => Set<Instance>();
    public DbSet<ElasticIp> ElasticIps => Set<ElasticIp>();
    public DbSet<NatGateway> NatGateways => Set<NatGateway>();
    public DbSet<VpcEndpoint> VpcEndpoints => Set<VpcEndpoint>();
    public DbSet<VpcEndpointSubnet> VpcEndpointSubnets => Set<VpcEndpointSubnet>();
    public DbSet<VpcEndpointRouteTable> VpcEndpointRouteTables => Set<VpcEndpointRouteTable>();
    public DbSet<NetworkInsightsPath> NetworkInsightsPaths => Set<NetworkInsightsPath>();
    public DbSet<NetworkInsightsAnalysis> NetworkInsightsAnalyses => Set<NetworkInsightsAnalysis>();
    public DbSet<ServiceResource> ServiceResources => Set<ServiceResource>();

    /// <summary>Not scoped: a connection is visible to both its requester's and its accepter's scope.</summary>
    public DbSet<VpcPeeringConnection> VpcPeeringConnections => Set<VpcPeeringConnection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ControlPlaneDbContext).Assembly);

        // The scope filter, declared once for every entity that carries (AccountId, Region).
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(ScopedEntity).IsAssignableFrom(e.ClrType)).ToList())
        {
            typeof(ControlPlaneDbContext).GetMethod(nameof(Scope), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType).Invoke(this, [modelBuilder]);
        }
    }

    private void Scope<T>(ModelBuilder modelBuilder) where T : ScopedEntity =>
        modelBuilder.Entity<T>().HasQueryFilter(e => e.AccountId == AccountId && e.Region == Region);
}
