using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Querying;

/// <summary>
/// A Describe action's filters as a table: AWS filter name → the values an item has for it. An item matches a
/// filter when any of its values matches any of the filter's values (<c>*</c> and <c>?</c> wildcards, as AWS allows);
/// all filters must match. <c>tag:&lt;key&gt;</c>, <c>tag-key</c> and <c>tag-value</c> are handled here once.
/// An unknown filter name is InvalidParameterValue, never ignored (an ignored filter returns the wrong objects).
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html
/// </summary>
public sealed class FilterTable<T>
{
    private readonly FrozenDictionary<string, Func<T, IEnumerable<string?>>> _fields;
    private readonly Func<T, IReadOnlyList<Tag>>? _tags;

    public FilterTable(IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> fields, Func<T, IReadOnlyList<Tag>>? tags)
    {
        _fields = fields.ToFrozenDictionary(StringComparer.Ordinal);
        _tags = tags;
    }

    public IEnumerable<string> Names => _fields.Keys;

    /// <summary>Checks every filter name up front, so a bad filter fails even when there is nothing to filter.</summary>
    public Func<T, bool> Compile(IReadOnlyList<Filter>? filters)
    {
        if (filters is null || filters.Count == 0) return static _ => true;
        var predicates = filters.Select(CompileOne).ToArray();
        return item => Array.TrueForAll(predicates, p => p(item));
    }

    public IEnumerable<T> Apply(IEnumerable<T> items, IReadOnlyList<Filter>? filters)
    {
        var predicate = Compile(filters);
        return items.Where(predicate);
    }

    private Func<T, bool> CompileOne(Filter filter)
    {
        var name = filter.Name ?? throw Ec2Errors.MissingParameter("Filter.N.Name");
        var patterns = (filter.Values ?? []).Select(ValuePattern.Create).ToArray();
        if (_tags is not null)
        {
            if (name.StartsWith("tag:", StringComparison.Ordinal))
            {
                var key = name[4..];
                return item => _tags(item).Any(t => t.Key == key && Matches(patterns, t.Value));
            }
            if (name == "tag-key") return item => _tags(item).Any(t => Matches(patterns, t.Key));
            if (name == "tag-value") return item => _tags(item).Any(t => Matches(patterns, t.Value));
        }
        if (!_fields.TryGetValue(name, out var values)) throw Ec2Errors.InvalidFilter(name);
        return item => values(item).Any(v => Matches(patterns, v));
    }

    private static bool Matches(ValuePattern[] patterns, string? value) =>
        value is not null && Array.Exists(patterns, p => p.IsMatch(value));

    private sealed class ValuePattern
    {
        private readonly string? _literal;
        private readonly Regex? _regex;

        private ValuePattern(string? literal, Regex? regex) { _literal = literal; _regex = regex; }

        public static ValuePattern Create(string value) =>
            value.AsSpan().IndexOfAny('*', '?') < 0
                ? new ValuePattern(value, null)
                : new ValuePattern(null, new Regex("^" + Regex.Escape(value).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
                    RegexOptions.Singleline | RegexOptions.CultureInvariant));

        public bool IsMatch(string value) => _literal is not null ? _literal == value : _regex!.IsMatch(value);
    }
}

/// <summary>Shorthands for building filter tables.</summary>
public static class FilterValues
{
    public static IEnumerable<string?> One(string? value) => [value];
    public static IEnumerable<string?> Bool(bool value) => [value ? "true" : "false"];
    public static IEnumerable<string?> Int(int? value) => [value?.ToString(System.Globalization.CultureInfo.InvariantCulture)];
}
