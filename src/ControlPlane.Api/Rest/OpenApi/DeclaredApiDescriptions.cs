using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace ControlPlane.Api.Rest.OpenApi;

/// <summary>
/// Describes the declared endpoints (<see cref="RestOperation"/>, <see cref="Sandbox.SandboxOperation"/>) to ApiExplorer,
/// and so to Swashbuckle, from their declarations. They are mapped as plain request delegates: building a minimal-API
/// delegate per operation would cost start-up time for every one of them, and their filters write every part of the
/// OpenAPI entry anyway.
/// </summary>
internal sealed class DeclaredApiDescriptions(EndpointDataSource endpoints) : IApiDescriptionProvider
{
    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (!endpoint.Metadata.Any(m => m is RestOperation or Sandbox.SandboxOperation)) continue;
            context.Results.Add(new ApiDescription
            {
                HttpMethod = endpoint.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods[0],
                RelativePath = endpoint.RoutePattern.RawText!.TrimStart('/'),
                ActionDescriptor = new ActionDescriptor { EndpointMetadata = [.. endpoint.Metadata], DisplayName = endpoint.DisplayName },
            });
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }
}
