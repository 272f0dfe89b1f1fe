using System.Globalization;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Checking and applying attribute changes of load balancers, target groups and listeners: every key must be one the
/// resource has, <c>.enabled</c> keys take <c>true</c>/<c>false</c> and <c>_seconds</c>/<c>.count</c> keys whole numbers.
/// </summary>
public static class ElbAttributes
{
    public static Dictionary<string, string> Apply(IReadOnlyDictionary<string, string> current, IReadOnlyList<AttributeEntry>? changes, string what)
    {
        var updated = new Dictionary<string, string>(current);
        foreach (var change in changes ?? [])
        {
            if (change.Key is null || !current.ContainsKey(change.Key))
            {
                throw ElbErrors.Validation($"{what} attribute key '{change.Key}' is not recognized");
            }
            var value = change.Value ?? "";
            var valid = change.Key.EndsWith(".enabled", StringComparison.Ordinal) ? value is "true" or "false"
                : change.Key.EndsWith("seconds", StringComparison.Ordinal) || change.Key.EndsWith(".count", StringComparison.Ordinal)
                    ? int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                    : true;
            if (!valid) throw ElbErrors.Validation($"{what} attribute '{change.Key}' cannot be set to '{value}'");
            updated[change.Key] = value;
        }
        return updated;
    }

    public static IReadOnlyList<AttributeEntry> ToShape(IReadOnlyDictionary<string, string> attributes) =>
        attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new AttributeEntry(a.Key, a.Value)).ToList();
}
