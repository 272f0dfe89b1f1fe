using ControlPlane.Protocols.Shapes;

namespace ControlPlane.Protocols.Json;

/// <summary>
/// Finds the rest-json operation for a method and path from the model's <c>http.requestUri</c> templates
/// (<c>/2015-03-31/functions/{FunctionName}/configuration</c>; <c>{Name+}</c> is greedy and spans segments).
/// When several templates match, the one with more literal segments wins, as in AWS's own routers.
/// </summary>
public sealed class RestRouter
{
    private readonly Route[] _routes;

    public RestRouter(ServiceModel model)
    {
        _routes = model.Operations.Select(Route.Of)
            .OrderByDescending(r => r.Literals)
            .ThenBy(r => r.Greedy ? 1 : 0)
            .ToArray();
    }

    /// <param name="path">The request path, still percent-encoded.</param>
    /// <param name="query">The query parameter names present (a template may require one, <c>/path?versioning</c>).</param>
    public RestMatch? Match(string method, string path, IReadOnlyCollection<string> query)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var route in _routes)
        {
            if (!string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
            if (route.RequiredQuery.Any(q => !query.Contains(q))) continue;
            if (route.TryMatch(segments) is { } labels) return new RestMatch(route.Operation, labels);
        }
        return null;
    }

    private sealed record Route(string Operation, string Method, Segment[] Segments, string[] RequiredQuery)
    {
        public int Literals => Segments.Count(s => s.Label is null);

        public bool Greedy => Segments.Any(s => s.Greedy);

        public static Route Of(Operation operation)
        {
            var uri = operation.Http.RequestUri;
            var queryStart = uri.IndexOf('?');
            var path = queryStart < 0 ? uri : uri[..queryStart];
            var required = queryStart < 0
                ? []
                : uri[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).ToArray();
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Segment.Parse).ToArray();
            return new Route(operation.Name, operation.Http.Method, segments, required);
        }

        public Dictionary<string, string>? TryMatch(string[] path)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var segment in Segments)
            {
                if (i >= path.Length) return null;
                if (segment.Greedy)
                {
                    var remaining = Segments.Length - Array.IndexOf(Segments, segment) - 1;
                    var take = path.Length - i - remaining;
                    if (take < 1) return null;
                    labels[segment.Label!] = Uri.UnescapeDataString(string.Join('/', path, i, take));
                    i += take;
                    continue;
                }
                if (segment.Label is { } label) labels[label] = Uri.UnescapeDataString(path[i]);
                else if (!string.Equals(segment.Literal, path[i], StringComparison.Ordinal)) return null;
                i++;
            }
            return i == path.Length ? labels : null;
        }
    }

    private sealed record Segment(string? Literal, string? Label, bool Greedy)
    {
        public static Segment Parse(string text)
        {
            if (text.Length > 2 && text[0] == '{' && text[^1] == '}')
            {
                var name = text[1..^1];
                return name.EndsWith('+') ? new Segment(null, name[..^1], true) : new Segment(null, name, false);
            }
            return new Segment(text, null, false);
        }
    }
}

/// <summary>The operation a REST request routes to, and its URI labels (percent-decoded).</summary>
public sealed record RestMatch(string Operation, IReadOnlyDictionary<string, string> Labels);
