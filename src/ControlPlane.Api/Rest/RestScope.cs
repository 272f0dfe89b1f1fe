using System.Text.RegularExpressions;
using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Api.Rest;

/// <summary>
/// The (account, region) of a REST request, from two headers or the configured defaults: the same scoping, and so the
/// same isolation, as the AWS endpoint's SigV4 credential scope.
/// </summary>
public static partial class RestScope
{
    public const string AccountHeader = "X-ControlPlane-Account";
    public const string RegionHeader = "X-ControlPlane-Region";

    public static void Apply(HttpRequest request, RequestContext context, ControlPlaneOptions defaults)
    {
        context.AccountId = Read(request, AccountHeader, AccountPattern(), "a 12-digit account id") ?? defaults.DefaultAccountId;
        context.Region = Read(request, RegionHeader, RegionPattern(), "a region name such as us-east-1") ?? defaults.DefaultRegion;
    }

    private static string? Read(HttpRequest request, string header, Regex pattern, string expected)
    {
        if (!request.Headers.TryGetValue(header, out var values)) return null;
        var value = values.ToString();
        return pattern.IsMatch(value) ? value : throw Ec2Errors.InvalidScopeHeader(header, value, expected);
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    // Any well-formed region works, as on the AWS endpoint (RegionCatalog gives unknown regions three zones).
    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionPattern();
}
