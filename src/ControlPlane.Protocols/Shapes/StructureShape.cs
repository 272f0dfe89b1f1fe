namespace ControlPlane.Protocols.Shapes;

internal sealed class StructureShape(string name) : Shape(name)
{
    private readonly Dictionary<string, Member> _byWireName = new(StringComparer.Ordinal);

    public static StructureShape Empty { get; } = new("Empty");

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public IReadOnlyList<Member> Required { get; private set; } = [];

    public bool TryGetByWireName(string wireName, out Member member) =>
        _byWireName.TryGetValue(wireName, out member!);

    /// <summary>Set once while the model loads; members may refer back to this shape.</summary>
    public void Initialize(IReadOnlyList<Member> members, IReadOnlyCollection<string> required)
    {
        Members = members;
        Required = members.Where(m => required.Contains(m.Name)).ToArray();
        foreach (var member in members)
            _byWireName.Add(member.WireName, member);
    }
}
