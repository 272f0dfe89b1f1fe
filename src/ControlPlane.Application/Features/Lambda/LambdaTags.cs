using System.Text.RegularExpressions;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// The tag actions take a function's ARN (<c>Resource</c>); the tags live in the function's document. Other taggable
/// Lambda resources (event source mappings, code-signing configs) are not emulated.
/// https://docs.aws.amazon.com/lambda/latest/dg/configuration-tags.html
/// </summary>
public static partial class LambdaTags
{
    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:[a-zA-Z0-9_-]+$")]
    private static partial Regex FunctionArn();

    public const int Limit = 50;

    public static async Task<ServiceResource> FindAsync(ServiceResourceStore store, string resource, CancellationToken cancellationToken)
    {
        if (!FunctionArn().IsMatch(resource)) throw LambdaErrors.InvalidTaggableResource(resource);
        return await store.FindByArnAsync(resource, cancellationToken) is { Service: LambdaFunctions.Service, Kind: LambdaFunctions.Kind } row
            ? row
            : throw LambdaErrors.FunctionNotFound(resource);
    }
}
