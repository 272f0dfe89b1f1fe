using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Compiled;

/// <summary>
/// An immutable set of ports as sorted, disjoint, inclusive intervals. Protocols without ports (ICMP, whose type/code
/// either matches or not, and every other protocol) use the one-element space <see cref="Token"/>. Operations return an
/// operand itself whenever the result equals it, so a single-port query allocates nothing.
/// </summary>
internal sealed class PortSet
{
    private readonly int[] _bounds;

    private PortSet(int[] bounds) => _bounds = bounds;

    public static readonly PortSet Empty = new([]);
    public static readonly PortSet AllPorts = new([0, 65535]);

    /// <summary>The space of a protocol without ports: a rule admits all of it or none.</summary>
    public static readonly PortSet Token = new([0, 0]);

    public static PortSet Range(int from, int to)
    {
        from = Math.Max(from, 0);
        to = Math.Min(to, 65535);
        if (from > to) return Empty;
        return from == 0 && to == 65535 ? AllPorts : new PortSet([from, to]);
    }

    public bool IsEmpty => _bounds.Length == 0;

    /// <summary>The lowest element; the set must not be empty.</summary>
    public int Min => _bounds[0];

    public bool Contains(int port)
    {
        for (var i = 0; i < _bounds.Length; i += 2)
        {
            if (port < _bounds[i]) return false;
            if (port <= _bounds[i + 1]) return true;
        }
        return false;
    }

    public bool IsSubsetOf(PortSet other)
    {
        if (ReferenceEquals(this, other) || IsEmpty) return true;
        var j = 0;
        for (var i = 0; i < _bounds.Length; i += 2)
        {
            while (j < other._bounds.Length && other._bounds[j + 1] < _bounds[i]) j += 2;
            if (j == other._bounds.Length || other._bounds[j] > _bounds[i] || other._bounds[j + 1] < _bounds[i + 1]) return false;
        }
        return true;
    }

    public PortSet Intersect(PortSet other)
    {
        if (_bounds.Length == 2 && other._bounds.Length == 2) return IntersectSpans(other);
        if (ReferenceEquals(this, other) || IsSubsetOf(other)) return this;
        if (other.IsSubsetOf(this)) return other;
        var result = new List<int>();
        int i = 0, j = 0;
        while (i < _bounds.Length && j < other._bounds.Length)
        {
            var from = Math.Max(_bounds[i], other._bounds[j]);
            var to = Math.Min(_bounds[i + 1], other._bounds[j + 1]);
            if (from <= to) { result.Add(from); result.Add(to); }
            if (_bounds[i + 1] < other._bounds[j + 1]) i += 2; else j += 2;
        }
        return Of(result);
    }

    private PortSet IntersectSpans(PortSet other)
    {
        var from = Math.Max(_bounds[0], other._bounds[0]);
        var to = Math.Min(_bounds[1], other._bounds[1]);
        if (from > to) return Empty;
        if (from == _bounds[0] && to == _bounds[1]) return this;
        return from == other._bounds[0] && to == other._bounds[1] ? other : new PortSet([from, to]);
    }

    public PortSet Union(PortSet other)
    {
        if (other.IsSubsetOf(this)) return this;
        if (IsSubsetOf(other)) return other;
        var spans = new List<(int From, int To)>();
        for (var i = 0; i < _bounds.Length; i += 2) spans.Add((_bounds[i], _bounds[i + 1]));
        for (var i = 0; i < other._bounds.Length; i += 2) spans.Add((other._bounds[i], other._bounds[i + 1]));
        spans.Sort();
        var result = new List<int>();
        foreach (var (from, to) in spans)
        {
            if (result.Count > 0 && from <= result[^1] + 1) result[^1] = Math.Max(result[^1], to);
            else { result.Add(from); result.Add(to); }
        }
        return Of(result);
    }

    public PortSet Except(PortSet other)
    {
        if (IsEmpty || other.IsEmpty) return this;
        if (IsSubsetOf(other)) return Empty;
        var result = new List<int>();
        var j = 0;
        for (var i = 0; i < _bounds.Length; i += 2)
        {
            var from = _bounds[i];
            var to = _bounds[i + 1];
            while (j < other._bounds.Length && other._bounds[j + 1] < from) j += 2;
            var k = j;
            while (from <= to && k < other._bounds.Length && other._bounds[k] <= to)
            {
                if (other._bounds[k] > from) { result.Add(from); result.Add(other._bounds[k] - 1); }
                from = Math.Max(from, other._bounds[k + 1] + 1);
                k += 2;
            }
            if (from <= to) { result.Add(from); result.Add(to); }
        }
        return Of(result);
    }

    public IReadOnlyList<PortSpan> ToSpans()
    {
        var spans = new PortSpan[_bounds.Length / 2];
        for (var i = 0; i < spans.Length; i++) spans[i] = new PortSpan(_bounds[2 * i], _bounds[2 * i + 1]);
        return spans;
    }

    public override string ToString() => IsEmpty ? "none" : string.Join(",", ToSpans());

    private static PortSet Of(List<int> bounds) =>
        bounds.Count == 0 ? Empty : bounds is [0, 65535] ? AllPorts : new PortSet([.. bounds]);
}
