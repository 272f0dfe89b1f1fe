using ControlPlane.Reachability.Compiled;

namespace ControlPlane.Reachability.ManyPairs;

/// <summary>
/// Decisions of one kind for one call, filled on first use: per (component, participant), or per (component, subnet)
/// when the component treats every address of the participant's subnet alike (<see cref="SubnetUniformity"/>).
/// </summary>
internal sealed class DecisionTable<T>(int components, int participants, int subnets) where T : class
{
    private readonly T?[]?[] _byParticipant = new T?[components][];
    private readonly T?[]?[] _bySubnet = new T?[components][];

    /// <summary>The slot of a decision: shared by the subnet when <paramref name="uniformSubnet"/> is given.</summary>
    public ref T? Slot(int component, int participant, CompiledSubnet? uniformSubnet)
    {
        if (uniformSubnet is not null) return ref (_bySubnet[component] ??= new T?[subnets])[uniformSubnet.Index];
        return ref (_byParticipant[component] ??= new T?[participants])[participant];
    }
}
