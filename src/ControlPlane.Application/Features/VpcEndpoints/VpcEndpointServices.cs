namespace ControlPlane.Application.Features.VpcEndpoints;

/// <summary>
/// The AWS services the emulator offers endpoints for: S3 (Gateway and Interface), DynamoDB (Gateway) and a few common
/// Interface services. Names are <c>com.amazonaws.&lt;region&gt;.&lt;service&gt;</c>.
/// https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html
/// </summary>
public static class VpcEndpointServices
{
    public const string Interface = "Interface";
    public const string Gateway = "Gateway";
    public const string GatewayLoadBalancer = "GatewayLoadBalancer";

    private static readonly string[] GatewayServices = ["s3", "dynamodb"];
    private static readonly string[] InterfaceServices = ["s3", "ec2", "ssm", "ssmmessages", "ec2messages", "sts", "logs", "secretsmanager", "ecr.api", "ecr.dkr", "kms", "sqs", "sns"];

    /// <summary>The service part of a name in this region (<c>ecr.api</c>), or null for a name the catalogue lacks.</summary>
    public static string? ShortName(string region, string name)
    {
        var prefix = $"com.amazonaws.{region}.";
        if (!name.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var service = name[prefix.Length..];
        return GatewayServices.Contains(service) || InterfaceServices.Contains(service) ? service : null;
    }

    public static bool Supports(string service, string type) => type switch
    {
        Gateway => GatewayServices.Contains(service),
        Interface => InterfaceServices.Contains(service),
        _ => false,
    };

    /// <summary>The full-access policy AWS attaches when none is given.</summary>
    public const string DefaultPolicy = """{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""";
}
