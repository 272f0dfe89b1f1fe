using ControlPlane.Api.Sandbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ControlPlane.Api.Rest.OpenApi;

/// <summary>
/// The OpenAPI 3 document (Swashbuckle) of the REST API and the sandbox surface, served at <see cref="DocumentPath"/>,
/// with Swagger UI at <c>/swagger</c>. <c>openapi/controlplane.v1.json</c> is this document, committed; regenerate it with
/// <c>dotnet run --project src/ControlPlane.Api -- --write-openapi openapi/controlplane.v1.json</c>.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/swagger/v1/swagger.json";
    public const string RegenerateCommand = "dotnet run --project src/ControlPlane.Api -- --write-openapi openapi/controlplane.v1.json";

    public static IServiceCollection AddRestOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.TryAddEnumerable(ServiceDescriptor.Transient<Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionProvider, DeclaredApiDescriptions>());
        services.AddSingleton<ISerializerDataContractResolver>(new JsonSerializerDataContractResolver(RestJson.Options));
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "ControlPlane",
                Version = "v1",
                Description = """
                    The JSON REST API of ControlPlane, a local emulator of the AWS EC2 networking control plane. Every operation runs the
                    same EC2 action as the AWS endpoint (named in its description), with the AWS API's member names in camelCase.
                    The account and region come from the `X-ControlPlane-Account` and `X-ControlPlane-Region` headers (or the defaults).
                    Errors are `application/problem+json`: `title` and `code` are the AWS error code, `detail` the AWS message;
                    404 for `*NotFound`, 409 for duplicates, resources in use and dependency violations, 400 otherwise.
                    The sandbox endpoints (`/_controlplane/...`) reset, export and import state; when an admin token is configured
                    they need it in the `X-ControlPlane-Admin-Token` header.
                    """,
            });
            // The REST operations and the sandbox; not the AWS endpoint or the health probe.
            o.DocInclusionPredicate((_, api) => api.ActionDescriptor.EndpointMetadata.Any(m => m is RestOperation or SandboxOperation));
            o.CustomSchemaIds(SchemaId);
            o.OrderActionsBy(DeclarationOrder.SortKey);
            o.DocumentFilter<DeclarationOrder>();
            o.OperationFilter<RestOperationFilter>();
            o.OperationFilter<SandboxOperationFilter>();
            o.AddSecurityDefinition(SandboxOperationFilter.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AdminToken.Header,
                Description = "The admin token (ControlPlane:AdminToken), needed by the sandbox endpoints only when one is configured.",
            });
        });
        return services;
    }

    /// <summary>
    /// Swagger's middleware (the document generator, the UI's embedded files) is built on the first request under
    /// <c>/swagger</c>, not at start-up: most processes never serve it, and every process must answer its first AWS call fast.
    /// </summary>
    public static void MapRestOpenApi(this WebApplication app)
    {
        IApplicationBuilder builder = app;
        builder.Use(next =>
        {
            var swagger = new Lazy<RequestDelegate>(() =>
            {
                var branch = builder.New();
                branch.UseSwagger();
                branch.UseSwaggerUI(o =>
                {
                    o.RoutePrefix = "swagger";
                    o.SwaggerEndpoint(DocumentPath, "ControlPlane v1");
                    o.DocumentTitle = "ControlPlane API";
                });
                branch.Run(next);
                return branch.Build();
            });
            return http => http.Request.Path.StartsWithSegments("/swagger") ? swagger.Value(http) : next(http);
        });
    }

    /// <summary>Nested shapes keep their holder's name (<c>CreateVpc.Command</c>, <c>InstanceShapes.GroupIdentifier</c>), so no two collide.</summary>
    private static string SchemaId(Type type) =>
        type.IsNested ? $"{type.DeclaringType!.Name}.{type.Name}" : type.Name;
}
