namespace ControlPlane.Protocols.Shapes;

internal sealed class StructureShape(string name) : Shape(name)
{
    private readonly Dictionary<string, Member> _byWireName = new(StringComparer.Ordinal);

    public static StructureShape Empty { get; } = new("Empty");

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public IReadOnlyList<Member> Required { get; private set; } = [];

    /// <summary>The REST protocols' <c>payload</c> trait: the member that is the whole body, when there is one.</summary>
    public Member? Payload { get; private set; }

    public bool TryGetByWireName(string wireName, out Member member) =>
        _byWireName.TryGetValue(wireName, out member!);

    /// <summary>Set once while the model loads; members may refer back to this shape.</summary>
    public void Initialize(IReadOnlyList<Member> members, IReadOnlyCollection<string> required, string? payload = null)
    {
        Members = members;
        Required = members.Where(m => required.Contains(m.Name)).ToArray();
        Payload = payload is null ? null : members.Single(m => m.Name == payload);
        foreach (var member in members.Where(m => m.Location == MemberLocation.Body))
            _byWireName.Add(member.WireName, member);
    }
}
