using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Sandbox;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Api.Rest;

/// <summary>
/// The (account, region) of a REST request, from two headers or the configured defaults: the same scoping, and so the
/// same isolation, as the AWS endpoint's SigV4 credential scope.
/// </summary>
public static class RestScope
{
    public const string AccountHeader = "X-ControlPlane-Account";
    public const string RegionHeader = "X-ControlPlane-Region";

    public static void Apply(HttpRequest request, RequestContext context, ControlPlaneOptions defaults)
    {
        context.AccountId = Read(request, AccountHeader, ScopeKey.IsAccountId, "a 12-digit account id") ?? defaults.DefaultAccountId;
        context.Region = Read(request, RegionHeader, ScopeKey.IsRegion, "a region name such as us-east-1") ?? defaults.DefaultRegion;
    }

    private static string? Read(HttpRequest request, string header, Func<string, bool> valid, string expected)
    {
        if (!request.Headers.TryGetValue(header, out var values)) return null;
        var value = values.ToString();
        return valid(value) ? value : throw Ec2Errors.InvalidScopeHeader(header, value, expected);
    }
}
