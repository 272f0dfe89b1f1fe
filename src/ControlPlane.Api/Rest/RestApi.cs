using ControlPlane.Api.Rest.Groups;
using ControlPlane.Application.Pipeline;

namespace ControlPlane.Api.Rest;

/// <summary>
/// The JSON REST API under <c>/api/v1</c>. Each group of endpoints is one file in <c>Rest/Groups/</c> declaring its
/// operations with <see cref="RestApiBuilder"/>; adding a group is that file and one line in <see cref="Groups"/>.
/// </summary>
public static class RestApi
{
    public const string Prefix = "/api/v1";

    /// <summary>The groups, in the order the OpenAPI document lists them.</summary>
    private static readonly Action<RestApiBuilder>[] Groups =
    [
        VpcsApi.Map,
        SecurityGroupsApi.Map,
        NetworkAclsApi.Map,
        NetworkInterfacesApi.Map,
        RoutingApi.Map,
        AddressingApi.Map,
        ReachabilityApi.Map,
    ];

    public static IServiceCollection AddRestApi(this IServiceCollection services)
    {
        services.AddSingleton<RestEndpoint>();
        services.AddSingleton(provider =>
        {
            var builder = new RestApiBuilder(provider.GetRequiredService<OperationRegistry>(), Prefix);
            foreach (var group in Groups) group(builder);
            return new RestOperations(builder.Operations);
        });
        return services;
    }

    public static void MapRestApi(this WebApplication app)
    {
        foreach (var operation in app.Services.GetRequiredService<RestOperations>().All)
        {
            // A plain request delegate: DeclaredApiDescriptions describes it from the declaration.
            app.MapMethods(operation.Route, [operation.Method], http => http.RequestServices.GetRequiredService<RestEndpoint>().HandleAsync(http, operation))
                .WithMetadata(operation)
                .WithName(operation.OperationId)
                .WithTags(operation.Tag);
        }
        // Anything else under the prefix answers a problem too, never an empty 404.
        app.Map(Prefix + "/{**path}", (HttpContext http) => RestProblem.From(Domain.Errors.Ec2Errors.UnknownRoute(http.Request.Method, http.Request.Path),
                http.RequestServices.GetRequiredService<RequestContext>().RequestId).WriteAsync(http.Response))
            .ExcludeFromDescription();
    }
}

/// <summary>Every declared REST operation (a singleton, so the OpenAPI filter and the endpoints read the same declarations).</summary>
public sealed record RestOperations(IReadOnlyList<RestOperation> All);
