using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Application.Store;

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<Instance>
{
    public void Configure(EntityTypeBuilder<Instance> b)
    {
        b.ToTable("instances");
        b.HasKey(i => i.Id);
        b.HasIndex(i => new { i.AccountId, i.Region, i.Id });
        b.HasIndex(i => i.SubnetId);
        b.HasOne<Subnet>().WithMany().HasForeignKey(i => i.SubnetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ElasticIpConfiguration : IEntityTypeConfiguration<ElasticIp>
{
    public void Configure(EntityTypeBuilder<ElasticIp> b)
    {
        b.ToTable("elastic_ips");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.AccountId, a.Region, a.Id });
        // A public address belongs to one allocation in the whole emulator.
        b.HasIndex(a => a.PublicIp).IsUnique().HasDatabaseName("ux_elastic_ip_public_ip");
        b.HasIndex(a => a.NetworkInterfaceId);
    }
}
