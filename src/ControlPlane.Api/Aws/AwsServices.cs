using System.Collections.Frozen;
using ControlPlane.Protocols;
using ControlPlane.Protocols.Json;

namespace ControlPlane.Api.Aws;

/// <summary>
/// Which embedded model answers a request, from its SigV4 signing name and shape. Every service shares the one port:
/// <list type="bullet">
/// <item>query protocol (form <c>Action</c> + <c>Version</c>): <c>ec2</c>, <c>sts</c>, <c>rds</c> (also DocumentDB and
/// Neptune, which sign as <c>rds</c>), <c>redshift</c>, <c>elasticache</c>, and <c>elasticloadbalancing</c>, where
/// <c>Version=2012-06-01</c> is the Classic Load Balancer API and anything else ELB v2;</item>
/// <item>json protocol (<c>X-Amz-Target: Prefix.Operation</c>): <c>ecs</c>;</item>
/// <item>rest-json (method and path): <c>lambda</c>, <c>eks</c>, <c>mq</c>.</item>
/// </list>
/// The model's name is also the service key of the application's operations (<c>[AwsService("rds")]</c>).
/// </summary>
public static class AwsServices
{
    private static readonly string[] JsonModels = ["ecs"];
    private static readonly string[] RestJsonModels = ["lambda", "eks", "mq"];
    private static readonly FrozenSet<string> QuerySigningNames = FrozenSet.ToFrozenSet(["ec2", "sts", "rds", "redshift", "elasticache", "elasticloadbalancing"]);

    private static readonly Lazy<FrozenDictionary<string, ServiceModel>> ByTargetPrefix = new(() =>
        JsonModels.Select(ServiceModel.Load).ToFrozenDictionary(m => m.TargetPrefix!, StringComparer.Ordinal));

    private static readonly Lazy<(ServiceModel Model, RestRouter Router)[]> RestJson = new(() =>
        RestJsonModels.Select(name => (ServiceModel.Load(name), new RestRouter(ServiceModel.Load(name)))).ToArray());

    /// <summary>The model name for a query-protocol request; null when the signing name is not a query service.</summary>
    public static string? QueryModel(string? signingName, string? version, Func<string?> unsignedGuess) => signingName switch
    {
        null => unsignedGuess(),
        "elasticloadbalancing" => version == ServiceModel.Load("elb").ApiVersion ? "elb" : "elbv2",
        _ when QuerySigningNames.Contains(signingName) => signingName,
        _ => null,
    };

    /// <summary>The json-protocol model whose target prefix <paramref name="target"/> starts with.</summary>
    public static ServiceModel? JsonModel(string target)
    {
        var dot = target.IndexOf('.');
        return dot > 0 ? ByTargetPrefix.Value.GetValueOrDefault(target[..dot]) : null;
    }

    /// <summary>The rest-json model and router for a signing name (<c>lambda</c>), or null.</summary>
    public static (ServiceModel Model, RestRouter Router)? RestJsonModel(string signingName) =>
        RestJson.Value.FirstOrDefault(r => r.Model.SigningName == signingName) is { Model: not null } found ? found : null;

    /// <summary>For an unsigned request: the rest-json service with an operation at this method and path.</summary>
    public static (ServiceModel Model, RestRouter Router)? RestJsonByPath(string method, string path, IReadOnlyCollection<string> query) =>
        RestJson.Value.FirstOrDefault(r => r.Router.Match(method, path, query) is not null) is { Model: not null } found ? found : null;
}
