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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ControlPlaneDbContext).Assembly);

        // The scope filter, declared once for every entity that carries (AccountId, Region).
        Scope<ScopeState>(modelBuilder);
        Scope<Vpc>(modelBuilder);
        Scope<Subnet>(modelBuilder);
        Scope<SecurityGroup>(modelBuilder);
        Scope<SecurityGroupRule>(modelBuilder);
        Scope<NetworkAcl>(modelBuilder);
        Scope<NetworkAclAssociation>(modelBuilder);
        Scope<RouteTable>(modelBuilder);
        Scope<RouteTableAssociation>(modelBuilder);
        Scope<InternetGateway>(modelBuilder);
        Scope<Tag>(modelBuilder);
    }

    private void Scope<T>(ModelBuilder modelBuilder) where T : ScopedEntity =>
        modelBuilder.Entity<T>().HasQueryFilter(e => e.AccountId == AccountId && e.Region == Region);
}
