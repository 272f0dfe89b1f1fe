using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability;

/// <summary>
/// Answers reachability queries over one <see cref="NetworkView"/>. Pure and thread-safe: no I/O, no mutable state
/// after construction. An endpoint the view does not hold is an answer (<c>NO_SOURCE_OR_DESTINATION</c>), not an exception.
/// </summary>
public interface IReachabilityEvaluator
{
    NetworkView View { get; }

    PathAnalysis Analyze(ReachabilityQuery query);
}
