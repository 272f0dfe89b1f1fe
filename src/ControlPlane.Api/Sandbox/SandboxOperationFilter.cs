using ControlPlane.Api.Rest.OpenApi;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ControlPlane.Api.Sandbox;

/// <summary>The sandbox endpoints' OpenAPI entries, from their <see cref="SandboxOperation"/> metadata.</summary>
internal sealed class SandboxOperationFilter : IOperationFilter
{
    public const string SchemeName = "adminToken";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var op = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<SandboxOperation>().FirstOrDefault();
        if (op is null) return;
        operation.OperationId = op.OperationId;
        operation.Summary = op.Summary;
        operation.Description = op.Description;
        operation.Tags = new HashSet<OpenApiTagReference> { new(SandboxOperation.Tag, context.Document) };
        operation.Parameters =
        [
            new OpenApiParameter { Name = "account", In = ParameterLocation.Query, Description = "One scope's account (12 digits), with region.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            new OpenApiParameter { Name = "region", In = ParameterLocation.Query, Description = "One scope's region, with account.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
        ];
        if (op.BodyType is not null)
        {
            operation.Parameters.Clear();
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "A state document as `GET /_controlplane/state` writes it.",
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } } },
            };
        }
        var success = new OpenApiResponse { Description = op.SuccessStatus == StatusCodes.Status204NoContent ? "Done." : "OK." };
        if (op.AnswerType is { } type)
        {
            success.Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType
                {
                    Schema = type == typeof(System.Text.Json.Nodes.JsonObject)
                        ? new OpenApiSchema { Type = JsonSchemaType.Object, Description = "A state document." }
                        : context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository),
                },
            };
        }
        operation.Responses = new OpenApiResponses { [op.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)] = success };
        foreach (var status in op.ErrorStatuses) ProblemResponses.Add(operation.Responses, status, context);
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
    }
}
