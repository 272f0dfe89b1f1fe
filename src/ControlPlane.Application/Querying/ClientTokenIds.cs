using System.Security.Cryptography;
using System.Text;
using ControlPlane.Application.Pipeline;

namespace ControlPlane.Application.Querying;

/// <summary>
/// Idempotent creates without a token store: with a ClientToken the new resource's id is derived from (account, region,
/// token), so a retry finds what the first call created under that id and answers it again (or
/// IdempotentParameterMismatch when the retry asks for something else). Used by the
/// create actions that take a ClientToken.
/// https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html
/// </summary>
public static class ClientTokenIds
{
    /// <summary>AWS: "Up to 64 ASCII characters".</summary>
    public const int MaxLength = 64;

    public static bool IsValid(string token) => token.Length <= MaxLength && token.All(char.IsAscii);

    public static string Derive(string prefix, RequestContext request, string token)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{prefix}\n{request.AccountId}\n{request.Region}\n{token}"));
        return $"{prefix}-{Convert.ToHexStringLower(hash)[..17]}";
    }
}
