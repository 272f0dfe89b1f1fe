using ControlPlane.Application.Pipeline;
using ControlPlane.Reachability;

namespace ControlPlane.Application.Reachability;

/// <summary>The request scope's compiled network at its current state version (built once per version, <see cref="EvaluatorCache"/>).</summary>
public sealed class ScopeNetwork(NetworkViewBuilder views, EvaluatorCache evaluators, RequestContext request)
{
    public async Task<CompiledNetwork> CurrentAsync(CancellationToken cancellationToken) =>
        await evaluators.GetAsync(request.AccountId, request.Region, await views.VersionAsync(cancellationToken), views.BuildAsync, cancellationToken);
}
