using ControlPlane.Application.Features.Reachability;

namespace ControlPlane.Api.Rest.Groups;

/// <summary>
/// <c>/api/v1/reachability</c>: the evaluator's answers on the scope's current network (no AWS API has these; the AWS one
/// is Create/StartNetworkInsights*). Endpoints are named as text: <c>eni-…</c>, an instance or any resource that owns
/// interfaces (id, ARN or name), an IP address, <c>internet</c> or an internet gateway id.
/// </summary>
internal static class ReachabilityApi
{
    public static void Map(RestApiBuilder api) =>
        api.Resource("reachability", "analysisId", "Reachability", "reachability answer", "Reachability")
            .Post("analyze", nameof(AnalyzeReachability),
                "Can source reach destination on this protocol and port? The verdict for the forward and the return path, every component with the rule that matched, and each blocking component's AWS explanation code",
                operationId: "analyzeReachability", service: ReachabilityTerms.Service)
            .Post("who-can-reach", nameof(WhoCanReach),
                "Every interface, outside address block and the internet that can reach the target on this protocol and port, with the rules that let them",
                operationId: "whoCanReach", service: ReachabilityTerms.Service)
            .Post("matrix", nameof(ReachabilityMatrix),
                "Reachability between every ordered pair of a VPC's interfaces (or the ones listed) on one protocol and port",
                operationId: "reachabilityMatrix", service: ReachabilityTerms.Service)
            .Read("internet-exposure", nameof(InternetExposure),
                "Every interface the internet can reach, on which protocols and ports, through which rules, route and gateway",
                "internetExposure", service: ReachabilityTerms.Service);
}
