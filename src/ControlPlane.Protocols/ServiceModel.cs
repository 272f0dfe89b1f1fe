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

    /// <summary>"ec2" or "query".</summary>
    public string Protocol { get; }

    public string ApiVersion { get; }

    public string XmlNamespace { get; }

    public IReadOnlyCollection<string> OperationNames => _operations.Keys;

    internal bool IsEc2 => Protocol == "ec2";

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
