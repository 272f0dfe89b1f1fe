using System.Text;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Marker/MaxRecords paging of the query-protocol database APIs (RDS, Redshift): at most MaxRecords items (20 to 100,
/// default 100) in name order, and a Marker to continue after the last one. The marker is the last name, opaque to clients.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBInstances.html (MaxRecords, Marker)
/// </summary>
public static class MarkerPage
{
    public sealed record Slice<T>(IReadOnlyList<T> Items, string? Marker);

    public static Slice<T> Take<T>(IEnumerable<T> items, Func<T, string> name, int? maxRecords, string? marker, Func<int, Exception> invalidMaxRecords,
        Func<string, Exception> invalidMarker)
    {
        if (maxRecords is { } m && (m < 20 || m > 100)) throw invalidMaxRecords(m);
        var after = Decode(marker, invalidMarker);
        var size = maxRecords ?? 100;
        var ordered = items.OrderBy(name, StringComparer.Ordinal);
        var page = (after is null ? ordered : ordered.Where(x => string.CompareOrdinal(name(x), after) > 0)).Take(size + 1).ToList();
        if (page.Count <= size) return new Slice<T>(page, null);
        page.RemoveAt(size);
        return new Slice<T>(page, Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + name(page[^1]))));
    }

    public static Slice<T> Rds<T>(IEnumerable<T> items, Func<T, string> name, int? maxRecords, string? marker) =>
        Take(items, name, maxRecords, marker, RdsErrors.InvalidMaxRecords, RdsErrors.InvalidMarker);

    private static string? Decode(string? marker, Func<string, Exception> invalid)
    {
        if (string.IsNullOrEmpty(marker)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
            return text.StartsWith("after:", StringComparison.Ordinal) ? text[6..] : throw invalid(marker);
        }
        catch (FormatException)
        {
            throw invalid(marker);
        }
    }
}
