using System.Collections.Concurrent;
using System.Text;
using ControlPlane.Protocols.Shapes;

namespace ControlPlane.Protocols;

/// <summary>
/// An AWS service's API model as botocore publishes it (trimmed to the implemented operations by
/// tools/trim-model), driving request binding and response writing.
/// </summary>
public sealed class ServiceModel
{
    private static readonly ConcurrentDictionary<string, Lazy<ServiceModel>> Loaded = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Operation> _operations;

    internal ServiceModel(string protocol, string apiVersion, string xmlNamespace, Dictionary<string, Operation> operations)
    {
        Protocol = protocol;
        ApiVersion = apiVersion;
        XmlNamespace = xmlNamespace;
        Utf8XmlNamespace = Encoding.UTF8.GetBytes(xmlNamespace);
        _operations = operations;
    }

    /// <summary>The model embedded for <paramref name="service"/> ("ec2", "sts"), read once per process.</summary>
    public static ServiceModel Load(string service) =>
        Loaded.GetOrAdd(service, static s => new Lazy<ServiceModel>(() => FromResource(s))).Value;

    /// <summary>"ec2", "query", "json" or "rest-json".</summary>
    public string Protocol { get; }

    /// <summary>The json protocol's <c>X-Amz-Target</c> prefix (<c>AmazonEC2ContainerServiceV20141113</c>).</summary>
    public string? TargetPrefix { get; init; }

    /// <summary>The json protocol's content type version: <c>application/x-amz-json-{JsonVersion}</c>.</summary>
    public string? JsonVersion { get; init; }

    /// <summary>The service name in a SigV4 credential scope (<c>ec2</c>, <c>rds</c>, <c>lambda</c>, ...).</summary>
    public string SigningName { get; init; } = "";

    public string ApiVersion { get; }

    public string XmlNamespace { get; }

    public IReadOnlyCollection<string> OperationNames => _operations.Keys;

    internal bool IsEc2 => Protocol == "ec2";

    internal IReadOnlyCollection<Operation> Operations => _operations.Values;

    internal byte[] Utf8XmlNamespace { get; }

    public bool HasOperation(string name) => _operations.ContainsKey(name);

    internal bool TryGetOperation(string name, out Operation operation) =>
        _operations.TryGetValue(name, out operation!);

    private static ServiceModel FromResource(string service)
    {
        var resource = $"ControlPlane.Protocols.Models.{service}.json";
        using var stream = typeof(ServiceModel).Assembly.GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"No model is embedded for service '{service}'.", nameof(service));
        return ModelReader.Read(stream);
    }
}
