using ControlPlane.Api.Sandbox;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ControlPlane.Api.Rest.OpenApi;

/// <summary>
/// The document lists groups and operations in the order <see cref="RestApi"/> declares them (VPCs first, the sandbox
/// last), not alphabetically, so Swagger UI reads like the API's own table of contents.
/// </summary>
internal sealed class DeclarationOrder(RestOperations operations) : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context) =>
        document.Tags = new HashSet<OpenApiTag>(
            operations.All.Select(o => o.Tag).Append(SandboxOperation.Tag).Distinct().Select(tag => new OpenApiTag { Name = tag }));

    /// <summary>The sort key of an operation: its place among the declarations.</summary>
    public static string SortKey(ApiDescription api) =>
        api.ActionDescriptor.EndpointMetadata.OfType<RestOperation>().FirstOrDefault() is { } op
            ? op.Position.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)
            : "9999";
}
