using System.Globalization;
using System.Text.Json.Nodes;
using ControlPlane.Protocols.Shapes;

namespace ControlPlane.Protocols.Query;

/// <summary>A value under construction while a request's parameters are bound, one node per shape.</summary>
internal abstract class BindingNode
{
    public abstract JsonNode? ToJson();
}

/// <summary>A structure, list or map under construction: the parameters address its children.</summary>
internal abstract class CollectionNode : BindingNode
{
    /// <summary>Places <paramref name="value"/> at the path <paramref name="key"/> names from segment <paramref name="next"/> on.</summary>
    public abstract void Assign(ParameterKey key, int next, string value);

    /// <summary>The child of <paramref name="shape"/> that the rest of the key (from <paramref name="next"/>) addresses, updated with the value.</summary>
    protected static BindingNode Child(BindingNode? existing, Shape shape, ParameterKey key, int next, string value)
    {
        if (next == key.Length)
        {
            if (shape is ScalarShape scalar)
                return new ScalarNode(ScalarValue.Parse(scalar, value, key.Text));
            // An empty collection is sent as its bare name with no value (`GroupId=`), as botocore's
            // QuerySerializer does for an empty list.
            if (value.Length != 0)
                throw ProtocolErrors.InvalidValue(value, key.Text);
            return existing ?? Create(shape);
        }
        if (shape is ScalarShape)
            throw ProtocolErrors.UnknownParameter(key.Text);

        var node = (CollectionNode?)existing ?? Create(shape);
        node.Assign(key, next, value);
        return node;
    }

    protected static int Index(ParameterKey key, int segment)
    {
        if (segment == key.Length)
            throw ProtocolErrors.UnknownParameter(key.Text);
        var text = key[segment];
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1)
            throw ProtocolErrors.InvalidIndex(text, key.Text);
        return index;
    }

    private static CollectionNode Create(Shape shape) => shape switch
    {
        StructureShape structure => new StructureNode(structure),
        ListShape list => new ListNode(list),
        MapShape map => new MapNode(map),
        _ => throw new ArgumentException($"{shape.Name} is not a collection.", nameof(shape)),
    };
}

internal sealed class StructureNode(StructureShape shape) : CollectionNode
{
    private readonly Dictionary<Member, BindingNode> _members = [];

    public bool Has(Member member) => _members.ContainsKey(member);

    public override void Assign(ParameterKey key, int next, string value)
    {
        if (!shape.TryGetByWireName(key[next], out var member))
            throw ProtocolErrors.UnknownParameter(key.Text);
        _members[member] = Child(_members.GetValueOrDefault(member), member.Shape, key, next + 1, value);
    }

    public override JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var member in shape.Members)
        {
            if (_members.TryGetValue(member, out var node))
                json[member.Name] = node.ToJson();
        }
        return json;
    }
}

internal sealed class ListNode(ListShape shape) : CollectionNode
{
    private readonly SortedDictionary<int, BindingNode> _items = [];

    public override void Assign(ParameterKey key, int next, string value)
    {
        if (shape.InputItemName is { } itemName)
        {
            if (key[next] != itemName)
                throw ProtocolErrors.UnknownParameter(key.Text);
            next++;
        }
        var index = Index(key, next);
        _items[index] = Child(_items.GetValueOrDefault(index), shape.Item, key, next + 1, value);
    }

    public override JsonArray ToJson() => new(_items.Values.Select(item => item.ToJson()).ToArray());
}

internal sealed class MapNode(MapShape shape) : CollectionNode
{
    private readonly SortedDictionary<int, Entry> _entries = [];

    public override void Assign(ParameterKey key, int next, string value)
    {
        if (key[next] != "entry")
            throw ProtocolErrors.UnknownParameter(key.Text);
        var index = Index(key, next + 1);
        var part = next + 2;
        if (part == key.Length)
            throw ProtocolErrors.UnknownParameter(key.Text);

        if (!_entries.TryGetValue(index, out var entry))
            _entries.Add(index, entry = new Entry($"{key.Prefix(part)}.{shape.KeyName}"));

        if (key[part] == shape.KeyName && part + 1 == key.Length)
            entry.Key = value;
        else if (key[part] == shape.ValueName)
            entry.Value = Child(entry.Value, shape.Value, key, part + 1, value);
        else
            throw ProtocolErrors.UnknownParameter(key.Text);
    }

    public override JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var entry in _entries.Values)
            json[entry.Key ?? throw ProtocolErrors.MissingParameter(entry.KeyWireName)] = entry.Value?.ToJson();
        return json;
    }

    private sealed class Entry(string keyWireName)
    {
        public string KeyWireName { get; } = keyWireName;

        public string? Key { get; set; }

        public BindingNode? Value { get; set; }
    }
}

internal sealed class ScalarNode(JsonValue value) : BindingNode
{
    public override JsonNode ToJson() => value;
}
