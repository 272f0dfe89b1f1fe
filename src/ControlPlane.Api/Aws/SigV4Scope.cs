using Microsoft.AspNetCore.Http;

namespace ControlPlane.Api.Aws;

/// <summary>
/// The credential scope of a SigV4-signed request: <c>Credential=AKID/20261124/us-east-1/ec2/aws4_request</c>, from the
/// Authorization header or, for presigned URLs, the <c>X-Amz-Credential</c> query parameter. Signatures are not verified.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
/// </summary>
public sealed record SigV4Scope(string AccessKeyId, string Region, string Service)
{
    public static SigV4Scope? From(HttpRequest request)
    {
        string? credential = null;
        var authorization = request.Headers.Authorization.ToString();
        var at = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (at >= 0)
        {
            var start = at + "Credential=".Length;
            var end = authorization.IndexOfAny([',', ' '], start);
            credential = end < 0 ? authorization[start..] : authorization[start..end];
        }
        else if (request.Query.TryGetValue("X-Amz-Credential", out var presigned))
        {
            credential = presigned.ToString();
        }
        var parts = credential?.Split('/');
        return parts is { Length: 5 } ? new SigV4Scope(parts[0], parts[2], parts[3]) : null;
    }

    /// <summary>A 12-digit access key is taken as the account id (as LocalStack does), so tests can act as several accounts.</summary>
    public string? AccountId => AccessKeyId.Length == 12 && AccessKeyId.All(char.IsAsciiDigit) ? AccessKeyId : null;
}
