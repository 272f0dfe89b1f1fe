using System.Text.Json;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Application.Store;

internal sealed class NetworkInsightsPathConfiguration : IEntityTypeConfiguration<NetworkInsightsPath>
{
    public void Configure(EntityTypeBuilder<NetworkInsightsPath> b)
    {
        b.ToTable("network_insights_paths");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.AccountId, p.Region, p.Id });
        // A filter is one small value read and written whole: a JSON text column keeps the schema provider-neutral.
        b.Property(p => p.FilterAtSource).HasConversion(f => ToJson(f), s => FromJson(s));
        b.Property(p => p.FilterAtDestination).HasConversion(f => ToJson(f), s => FromJson(s));
    }

    private static string? ToJson(PathFilter? filter) => filter is null ? null : JsonSerializer.Serialize(filter);

    private static PathFilter? FromJson(string? text) => text is null ? null : JsonSerializer.Deserialize<PathFilter>(text);
}

internal sealed class NetworkInsightsAnalysisConfiguration : IEntityTypeConfiguration<NetworkInsightsAnalysis>
{
    public void Configure(EntityTypeBuilder<NetworkInsightsAnalysis> b)
    {
        b.ToTable("network_insights_analyses");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.AccountId, a.Region, a.Id });
        b.HasIndex(a => a.NetworkInsightsPathId);
        // A path with analyses cannot be deleted (AnalysisExistsForNetworkInsightsPath): the database holds that too.
        b.HasOne<NetworkInsightsPath>().WithMany().HasForeignKey(a => a.NetworkInsightsPathId).OnDelete(DeleteBehavior.Restrict);
    }
}
