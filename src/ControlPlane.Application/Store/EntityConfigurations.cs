using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Application.Store;

// Mapping kept provider-neutral: strings, integers, booleans; no provider-specific column types.
// The unique indexes are the invariants that must hold under concurrency (DESIGN.md §4); their names are what
// StoreErrors maps back to AWS errors.

internal sealed class ScopeStateConfiguration : IEntityTypeConfiguration<ScopeState>
{
    public void Configure(EntityTypeBuilder<ScopeState> b)
    {
        b.ToTable("scopes");
        b.HasKey(s => new { s.AccountId, s.Region });
        b.Property(s => s.AccountId).HasMaxLength(12);
        b.Property(s => s.Region).HasMaxLength(32);
    }
}

internal sealed class VpcConfiguration : IEntityTypeConfiguration<Vpc>
{
    public void Configure(EntityTypeBuilder<Vpc> b)
    {
        b.ToTable("vpcs");
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.AccountId, v.Region, v.Id });
        b.HasMany(v => v.CidrBlocks).WithOne().HasForeignKey(c => c.VpcId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VpcCidrBlockConfiguration : IEntityTypeConfiguration<VpcCidrBlock>
{
    public void Configure(EntityTypeBuilder<VpcCidrBlock> b)
    {
        b.ToTable("vpc_cidr_blocks");
        b.HasKey(c => c.AssociationId);
        b.HasIndex(c => new { c.VpcId, c.Cidr }).IsUnique().HasDatabaseName("ux_vpc_cidr");
    }
}

internal sealed class SubnetConfiguration : IEntityTypeConfiguration<Subnet>
{
    public void Configure(EntityTypeBuilder<Subnet> b)
    {
        b.ToTable("subnets");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.AccountId, s.Region, s.Id });
        b.HasIndex(s => new { s.VpcId, s.CidrBlock }).IsUnique().HasDatabaseName("ux_subnet_cidr");
        b.HasOne<Vpc>().WithMany().HasForeignKey(s => s.VpcId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Ipv6CidrBlocks).WithOne().HasForeignKey(c => c.SubnetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubnetIpv6CidrBlockConfiguration : IEntityTypeConfiguration<SubnetIpv6CidrBlock>
{
    public void Configure(EntityTypeBuilder<SubnetIpv6CidrBlock> b)
    {
        b.ToTable("subnet_ipv6_cidr_blocks");
        b.HasKey(c => c.AssociationId);
    }
}

internal sealed class SecurityGroupConfiguration : IEntityTypeConfiguration<SecurityGroup>
{
    public void Configure(EntityTypeBuilder<SecurityGroup> b)
    {
        b.ToTable("security_groups");
        b.HasKey(g => g.Id);
        b.Ignore(g => g.IsDefault);
        b.Property(g => g.NormalizedName);
        b.HasIndex(g => new { g.AccountId, g.Region, g.Id });
        b.HasIndex(g => new { g.VpcId, g.NormalizedName }).IsUnique().HasDatabaseName("ux_security_group_name");
        b.HasOne<Vpc>().WithMany().HasForeignKey(g => g.VpcId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(g => g.Rules).WithOne().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SecurityGroupRuleConfiguration : IEntityTypeConfiguration<SecurityGroupRule>
{
    public void Configure(EntityTypeBuilder<SecurityGroupRule> b)
    {
        b.ToTable("security_group_rules");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.GroupId, r.IsEgress, r.Identity }).IsUnique().HasDatabaseName("ux_security_group_rule");
        b.HasIndex(r => r.ReferencedGroupId);
        // A group that another group's rule references cannot be deleted (DependencyViolation): the database holds that too.
        b.HasOne<SecurityGroup>().WithMany().HasForeignKey(r => r.ReferencedGroupId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class NetworkAclConfiguration : IEntityTypeConfiguration<NetworkAcl>
{
    public void Configure(EntityTypeBuilder<NetworkAcl> b)
    {
        b.ToTable("network_acls");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.AccountId, a.Region, a.Id });
        b.HasOne<Vpc>().WithMany().HasForeignKey(a => a.VpcId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Entries).WithOne().HasForeignKey(e => e.NetworkAclId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Associations).WithOne().HasForeignKey(e => e.NetworkAclId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NetworkAclEntryConfiguration : IEntityTypeConfiguration<NetworkAclEntry>
{
    public void Configure(EntityTypeBuilder<NetworkAclEntry> b)
    {
        b.ToTable("network_acl_entries");
        // One rule number per direction per ACL (NetworkAclEntryAlreadyExists).
        b.HasKey(e => new { e.NetworkAclId, e.Egress, e.RuleNumber });
    }
}

internal sealed class NetworkAclAssociationConfiguration : IEntityTypeConfiguration<NetworkAclAssociation>
{
    public void Configure(EntityTypeBuilder<NetworkAclAssociation> b)
    {
        b.ToTable("network_acl_associations");
        b.HasKey(a => a.Id);
        // Every subnet has exactly one network ACL association.
        b.HasIndex(a => a.SubnetId).IsUnique().HasDatabaseName("ux_network_acl_association_subnet");
        b.HasOne<Subnet>().WithMany().HasForeignKey(a => a.SubnetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RouteTableConfiguration : IEntityTypeConfiguration<RouteTable>
{
    public void Configure(EntityTypeBuilder<RouteTable> b)
    {
        b.ToTable("route_tables");
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.AccountId, t.Region, t.Id });
        b.HasOne<Vpc>().WithMany().HasForeignKey(t => t.VpcId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Routes).WithOne().HasForeignKey(r => r.RouteTableId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Associations).WithOne().HasForeignKey(a => a.RouteTableId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RouteConfiguration : IEntityTypeConfiguration<Route>
{
    public void Configure(EntityTypeBuilder<Route> b)
    {
        b.ToTable("routes");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.HasIndex(r => new { r.RouteTableId, r.Destination }).IsUnique().HasDatabaseName("ux_route_destination");
    }
}

internal sealed class RouteTableAssociationConfiguration : IEntityTypeConfiguration<RouteTableAssociation>
{
    public void Configure(EntityTypeBuilder<RouteTableAssociation> b)
    {
        b.ToTable("route_table_associations");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.SubnetId).IsUnique().HasDatabaseName("ux_route_table_association_subnet");
        b.HasOne<Subnet>().WithMany().HasForeignKey(a => a.SubnetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InternetGatewayConfiguration : IEntityTypeConfiguration<InternetGateway>
{
    public void Configure(EntityTypeBuilder<InternetGateway> b)
    {
        b.ToTable("internet_gateways");
        b.HasKey(g => g.Id);
        b.HasIndex(g => new { g.AccountId, g.Region, g.Id });
        b.HasOne<Vpc>().WithMany().HasForeignKey(g => g.AttachedVpcId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.ToTable("tags");
        // Per scope: a peering connection is one resource tagged separately by each of its two sides.
        b.HasKey(t => new { t.AccountId, t.Region, t.ResourceId, t.Key });
        b.HasIndex(t => new { t.AccountId, t.Region, t.Key });
        b.HasIndex(t => t.ResourceId);
    }
}
