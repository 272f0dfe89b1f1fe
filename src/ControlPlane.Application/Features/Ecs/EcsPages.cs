using System.Globalization;
using System.Text;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// ECS list pagination: <c>maxResults</c> 1–100 (default 100; 10 for services), and an opaque <c>nextToken</c> that resumes after the
/// last item answered. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html
/// </summary>
public static class EcsPages
{
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, int? maxResults, string? nextToken, int pageSize = 100)
    {
        if (maxResults is < 1 or > 100) throw EcsErrors.InvalidParameter("maxResults must be between 1 and 100.");
        var start = nextToken is null ? 0 : Offset(nextToken);
        var size = maxResults ?? pageSize;
        var page = items.Skip(start).Take(size).ToList();
        var next = start + size < items.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"ecs:{start + size}")) : null;
        return (page, next);
    }

    private static int Offset(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("ecs:", StringComparison.Ordinal) && int.TryParse(text[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        catch (FormatException)
        {
        }
        throw EcsErrors.InvalidParameter("Invalid token.");
    }
}
