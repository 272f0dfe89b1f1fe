using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Application.Store;

internal sealed class NetworkInterfaceConfiguration : IEntityTypeConfiguration<NetworkInterface>
{
    public void Configure(EntityTypeBuilder<NetworkInterface> b)
    {
        b.ToTable("network_interfaces");
        b.HasKey(n => n.Id);
        b.HasIndex(n => new { n.AccountId, n.Region, n.Id });
        b.HasIndex(n => n.SubnetId);
        b.HasIndex(n => n.AttachedInstanceId);
        // A subnet that holds interfaces cannot be deleted (DependencyViolation); the database holds that too.
        b.HasOne<Subnet>().WithMany().HasForeignKey(n => n.SubnetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(n => n.PrivateIpAddresses).WithOne().HasForeignKey(p => p.NetworkInterfaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Ipv6Addresses).WithOne().HasForeignKey(p => p.NetworkInterfaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Groups).WithOne().HasForeignKey(g => g.NetworkInterfaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkInterfacePrivateIpConfiguration : IEntityTypeConfiguration<NetworkInterfacePrivateIp>
{
    public void Configure(EntityTypeBuilder<NetworkInterfacePrivateIp> b)
    {
        b.ToTable("network_interface_private_ips");
        b.HasKey(p => new { p.NetworkInterfaceId, p.Address });
        // An address is used once per subnet (InvalidIPAddress.InUse).
        b.HasIndex(p => new { p.SubnetId, p.Address }).IsUnique().HasDatabaseName("ux_private_ip_subnet");
    }
}

internal sealed class NetworkInterfaceIpv6AddressConfiguration : IEntityTypeConfiguration<NetworkInterfaceIpv6Address>
{
    public void Configure(EntityTypeBuilder<NetworkInterfaceIpv6Address> b)
    {
        b.ToTable("network_interface_ipv6_addresses");
        b.HasKey(p => new { p.NetworkInterfaceId, p.Address });
        b.HasIndex(p => new { p.SubnetId, p.Address }).IsUnique().HasDatabaseName("ux_ipv6_address_subnet");
    }
}

internal sealed class NetworkInterfaceGroupConfiguration : IEntityTypeConfiguration<NetworkInterfaceGroup>
{
    public void Configure(EntityTypeBuilder<NetworkInterfaceGroup> b)
    {
        b.ToTable("network_interface_groups");
        b.HasKey(g => new { g.NetworkInterfaceId, g.GroupId });
        b.HasIndex(g => g.GroupId);
        // A group attached to an interface cannot be deleted (DependencyViolation).
        b.HasOne<SecurityGroup>().WithMany().HasForeignKey(g => g.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EgressOnlyInternetGatewayConfiguration : IEntityTypeConfiguration<EgressOnlyInternetGateway>
{
    public void Configure(EntityTypeBuilder<EgressOnlyInternetGateway> b)
    {
        b.ToTable("egress_only_internet_gateways");
        b.HasKey(g => g.Id);
        b.HasIndex(g => new { g.AccountId, g.Region, g.Id });
        b.HasOne<Vpc>().WithMany().HasForeignKey(g => g.VpcId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ManagedPrefixListConfiguration : IEntityTypeConfiguration<ManagedPrefixList>
{
    public void Configure(EntityTypeBuilder<ManagedPrefixList> b)
    {
        b.ToTable("managed_prefix_lists");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.AccountId, p.Region, p.Id });
        b.HasMany(p => p.Entries).WithOne().HasForeignKey(e => e.PrefixListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ManagedPrefixListEntryConfiguration : IEntityTypeConfiguration<ManagedPrefixListEntry>
{
    public void Configure(EntityTypeBuilder<ManagedPrefixListEntry> b)
    {
        b.ToTable("managed_prefix_list_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.HasIndex(e => new { e.PrefixListId, e.FromVersion });
    }
}
