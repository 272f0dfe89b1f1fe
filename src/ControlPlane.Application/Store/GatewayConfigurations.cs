using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Application.Store;

internal sealed class NatGatewayConfiguration : IEntityTypeConfiguration<NatGateway>
{
    public void Configure(EntityTypeBuilder<NatGateway> b)
    {
        b.ToTable("nat_gateways");
        b.HasKey(n => n.Id);
        b.HasIndex(n => new { n.AccountId, n.Region, n.Id });
        b.HasIndex(n => n.SubnetId);
    }
}

internal sealed class VpcEndpointConfiguration : IEntityTypeConfiguration<VpcEndpoint>
{
    public void Configure(EntityTypeBuilder<VpcEndpoint> b)
    {
        b.ToTable("vpc_endpoints");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.AccountId, e.Region, e.Id });
        b.HasIndex(e => e.VpcId);
        b.HasMany(e => e.Subnets).WithOne().HasForeignKey(s => s.VpcEndpointId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.RouteTables).WithOne().HasForeignKey(r => r.VpcEndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VpcEndpointSubnetConfiguration : IEntityTypeConfiguration<VpcEndpointSubnet>
{
    public void Configure(EntityTypeBuilder<VpcEndpointSubnet> b)
    {
        b.ToTable("vpc_endpoint_subnets");
        b.HasKey(s => new { s.VpcEndpointId, s.SubnetId });
    }
}

internal sealed class VpcEndpointRouteTableConfiguration : IEntityTypeConfiguration<VpcEndpointRouteTable>
{
    public void Configure(EntityTypeBuilder<VpcEndpointRouteTable> b)
    {
        b.ToTable("vpc_endpoint_route_tables");
        b.HasKey(r => new { r.VpcEndpointId, r.RouteTableId });
    }
}

internal sealed class VpcPeeringConnectionConfiguration : IEntityTypeConfiguration<VpcPeeringConnection>
{
    public void Configure(EntityTypeBuilder<VpcPeeringConnection> b)
    {
        b.ToTable("vpc_peering_connections");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.RequesterAccountId, p.RequesterRegion });
        b.HasIndex(p => new { p.AccepterAccountId, p.AccepterRegion });
    }
}
