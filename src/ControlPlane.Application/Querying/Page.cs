using System.Text;
using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Querying;

/// <summary>
/// MaxResults/NextToken paging over a result ordered by id. The token is the last id returned, opaque to clients,
/// so a page boundary survives items being added or removed between calls.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html#api-pagination
/// </summary>
public static class Page
{
    public sealed record Slice<T>(IReadOnlyList<T> Items, string? NextToken);

    /// <summary>
    /// Pages <paramref name="items"/> in ordinal id order (sorted here, not by the database, whose collation may
    /// differ between SQLite and PostgreSQL). Without MaxResults everything is returned.
    /// </summary>
    public static Slice<T> Take<T>(IEnumerable<T> items, Func<T, string> id, IPaged request, int min = 5, int max = 1000)
    {
        var after = Decode(request.NextToken);
        if (request.MaxResults is { } m && (m < min || m > max)) throw Ec2Errors.InvalidMaxResults(m, min, max);
        var ordered = items.OrderBy(id, StringComparer.Ordinal);
        var source = after is null ? ordered : ordered.Where(x => string.CompareOrdinal(id(x), after) > 0);
        if (request.MaxResults is not { } size) return new Slice<T>(source.ToList(), null);
        var page = source.Take(size + 1).ToList();
        if (page.Count <= size) return new Slice<T>(page, null);
        page.RemoveAt(size);
        return new Slice<T>(page, Encode(id(page[^1])));
    }

    /// <summary>Validates a token before any work, so a forged token fails whatever the data.</summary>
    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("after:", StringComparison.Ordinal) ? text[6..] : throw Ec2Errors.InvalidNextToken(token);
        }
        catch (FormatException)
        {
            throw Ec2Errors.InvalidNextToken(token);
        }
    }

    private static string Encode(string lastId) => Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + lastId));
}
