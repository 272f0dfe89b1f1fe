using ControlPlane.Reachability.Analysis;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.ManyPairs;
using ControlPlane.Reachability.Queries;

namespace ControlPlane.Reachability;

public sealed partial class CompiledNetwork
{
    /// <summary>
    /// Every ordered pair of <paramref name="interfaceIds"/> (README §6): cell [i][j] is
    /// <c>Analyze(interface i → interface j).NetworkPathFound</c>, with its first explanation code when blocked.
    /// </summary>
    public ReachabilityMatrix Matrix(IReadOnlyList<string> interfaceIds, int protocol, int? port, PacketOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interfaceIds);
        options ??= PacketOptions.Default;
        var plan = QueryPlan.Of(options.Query(new Endpoint.Internet(), new Endpoint.Internet(), protocol, port));
        var known = interfaceIds.Select(id => _index.InterfacesById.GetValueOrDefault(id)).ToArray();
        var slots = new int[known.Length];
        var present = new Dictionary<CompiledInterface, int>();
        for (var i = 0; i < known.Length; i++) slots[i] = known[i] is { } eni ? present.TryAdd(eni, present.Count) ? present.Count - 1 : present[eni] : -1;
        var participants = new Participants([.. present.Keys], plan.Ipv6);
        var kernel = new PairKernel(_index, plan, participants, participants);
        var rows = new MatrixRow[known.Length];
        var reachable = 0;
        for (var i = 0; i < known.Length; i++)
        {
            var cells = new bool[known.Length];
            var codes = new string?[known.Length];
            for (var j = 0; j < known.Length; j++)
            {
                if (slots[i] < 0 || slots[j] < 0)
                {
                    codes[j] = ExplanationCodes.NoSourceOrDestination;
                    continue;
                }
                var verdict = kernel.Evaluate(slots[i], slots[j]);
                cells[j] = verdict.Found;
                codes[j] = verdict.FirstBlock;
                if (verdict.Found) reachable++;
            }
            rows[i] = new MatrixRow(interfaceIds[i], cells, codes);
        }
        return new ReachabilityMatrix
        {
            InterfaceIds = interfaceIds,
            Protocol = protocol,
            Port = port,
            Ipv6 = plan.Ipv6,
            Rows = rows,
            ReachablePairs = reachable,
            SourcePorts = plan.SourcePorts,
            SourcePortOrigin = plan.SourcePortOrigin,
        };
    }

    /// <summary>The matrix of every interface of one VPC, in id order.</summary>
    public ReachabilityMatrix Matrix(string vpcId, int protocol, int? port, PacketOptions? options = null) =>
        Matrix([.. _index.Interfaces.Where(i => i.VpcId == vpcId).Select(i => i.Id)], protocol, port, options);

}
