using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Eks;

/// <summary>What the cluster actions share: names, ARNs, lookups and how a stored cluster is shown.</summary>
public static partial class EksClusters
{
    public const string Service = "eks";
    public const string Kind = "cluster";

    /// <summary>The Kubernetes version a cluster gets when the request names none (EKS's default in 2026).</summary>
    public const string DefaultVersion = "1.33";

    [GeneratedRegex(@"^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$")]
    public static partial Regex ClusterName();

    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:eks:(?<region>[a-z0-9-]+):(?<account>\d{12}):cluster/(?<name>[0-9A-Za-z][A-Za-z0-9\-_]*)$")]
    private static partial Regex ClusterArnPattern();

    public static string ClusterArn(ServiceResourceStore store, string name) => store.Arn(Service, $"{Kind}/{name}");

    public static async Task<ServiceResource> FindAsync(ServiceResourceStore store, string name, CancellationToken cancellationToken) =>
        await store.FindAsync(Service, Kind, name, cancellationToken) ?? throw EksErrors.ClusterNotFound(name);

    /// <summary>The cluster a tagging call's <c>resourceArn</c> names (only clusters are taggable here).</summary>
    public static async Task<ServiceResource> FindByArnAsync(ServiceResourceStore store, string arn, CancellationToken cancellationToken)
    {
        var match = ClusterArnPattern().Match(arn);
        if (!match.Success) throw EksErrors.InvalidArn(arn);
        return await store.FindByArnAsync(arn, cancellationToken) is { Service: Service, Kind: Kind } row
            ? row
            : throw EksErrors.ClusterNotFound(match.Groups["name"].Value);
    }

    /// <summary>
    /// The API server endpoint EKS gives a cluster: <c>https://&lt;32 hex&gt;.gr7.&lt;region&gt;.eks.amazonaws.com</c>,
    /// with the same id in the OIDC issuer URL.
    /// https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
    /// </summary>
    public static (string Endpoint, string OidcIssuer) NewEndpoints(string region)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return ($"https://{id}.gr7.{region}.eks.amazonaws.com", $"https://oidc.eks.{region}.amazonaws.com/id/{id}");
    }

    /// <summary>The cluster's certificate authority as EKS shows it: a base64-encoded PEM certificate (random, never verified).</summary>
    public static string NewCertificate()
    {
        var body = Convert.ToBase64String(RandomNumberGenerator.GetBytes(768), Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n");
        return Convert.ToBase64String(Encoding.ASCII.GetBytes($"-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----\n"));
    }

    /// <summary>
    /// The cluster as DescribeCluster shows it. EKS answers a create with <c>CREATING</c> and a delete with
    /// <c>DELETING</c>; the emulator is done at once, so reads show <c>ACTIVE</c> and the <c>cluster_active</c> waiter passes.
    /// </summary>
    public static Cluster ToCluster(ServiceResource row, ClusterDocument doc, string status = "ACTIVE") => new()
    {
        Name = row.Name,
        Arn = row.Arn,
        CreatedAt = row.CreatedAt,
        Version = doc.Version,
        Endpoint = doc.Endpoint,
        RoleArn = doc.RoleArn,
        ResourcesVpcConfig = new VpcConfigResponse(doc.SubnetIds, doc.SecurityGroupIds, doc.ClusterSecurityGroupId, row.VpcId ?? "",
            doc.EndpointPublicAccess, doc.EndpointPrivateAccess, doc.PublicAccessCidrs),
        KubernetesNetworkConfig = new KubernetesNetworkConfigResponse(doc.ServiceIpv4Cidr, "ipv4"),
        Logging = new Logging([new LogSetup(["api", "audit", "authenticator", "controllerManager", "scheduler"], false)]),
        Identity = new Identity(new Oidc(doc.OidcIssuer)),
        Status = status,
        CertificateAuthority = new Certificate(doc.CertificateData),
        ClientRequestToken = doc.ClientRequestToken,
        PlatformVersion = doc.PlatformVersion,
        Tags = doc.Tags,
        AccessConfig = new AccessConfigResponse("CONFIG_MAP", true),
        UpgradePolicy = new UpgradePolicyResponse("EXTENDED"),
    };

    public static Update ToUpdate(UpdateDocument update, string status = "Successful") =>
        new(update.Id, status, update.Type, update.Params, update.CreatedAt, []);

    /// <summary>A page of names after a token (the base64 of the first name of the page), and the next token.</summary>
    public static (List<string> Page, string? NextToken) Page(IReadOnlyList<string> names, string? token, int size)
    {
        var start = 0;
        if (token is not null)
        {
            string first;
            try
            {
                first = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            }
            catch (FormatException)
            {
                throw EksErrors.InvalidParameter("The nextToken is invalid.");
            }
            start = names.TakeWhile(n => string.CompareOrdinal(n, first) < 0).Count();
        }
        var page = names.Skip(start).Take(size).ToList();
        var next = start + size < names.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes(names[start + size])) : null;
        return (page, next);
    }
}
