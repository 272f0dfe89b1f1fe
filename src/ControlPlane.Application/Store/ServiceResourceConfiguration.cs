using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Application.Store;

internal sealed class ServiceResourceConfiguration : IEntityTypeConfiguration<ServiceResource>
{
    public void Configure(EntityTypeBuilder<ServiceResource> b)
    {
        b.ToTable("service_resources");
        b.HasKey(r => r.Arn);
        b.HasIndex(r => new { r.AccountId, r.Region, r.Service, r.Kind, r.Name }).IsUnique();
        b.HasIndex(r => new { r.AccountId, r.Region, r.ResourceId });
        b.HasIndex(r => r.ParentArn);
        b.HasIndex(r => r.VpcId);
    }
}
