using System.Reflection;
using ControlPlane.Protocols;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ControlPlane.Api.Rest.OpenApi;

/// <summary>
/// Writes each REST operation's OpenAPI entry from its <see cref="RestOperation"/> declaration: the same record the
/// adapter runs, so the document cannot describe a request the adapter would read differently.
/// </summary>
internal sealed class RestOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var op = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RestOperation>().FirstOrDefault();
        if (op is null) return;
        operation.OperationId = op.OperationId;
        operation.Summary = op.Summary;
        operation.Description = op.Description;
        operation.Tags = new HashSet<OpenApiTagReference> { new(op.Tag, context.Document) };
        operation.Parameters = Parameters(op, context).ToList();
        operation.RequestBody = op.Body ? RequestBody(op, context) : null;
        operation.Responses = Responses(op, context);
    }

    private static IEnumerable<IOpenApiParameter> Parameters(RestOperation op, OperationFilterContext context)
    {
        var members = RestRequestBinder.Members(op.Action.CommandType);
        foreach (var path in op.Path)
        {
            var type = path.Member is null ? typeof(string) : ResultPaths.ElementType(members[path.Member].PropertyType) ?? members[path.Member].PropertyType;
            yield return new OpenApiParameter
            {
                Name = path.Parameter,
                In = ParameterLocation.Path,
                Required = true,
                Description = path.Member is null ? $"The `{path.Filter}` filter of `{op.Action.Name}`." : $"`{path.Member}` of `{op.Action.Name}`.",
                Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository),
            };
        }
        if (op.QueryFilters)
        {
            yield return new OpenApiParameter
            {
                Name = "filters",
                In = ParameterLocation.Query,
                Style = ParameterStyle.Form,
                Explode = true,
                Description = "Filters as query parameters, each named as in the AWS API (not `filters=`): "
                    + string.Join(", ", op.FilterNames.Select(n => $"`{n}`"))
                    + (op.FilterNames.Count > 0 ? ", " : "") + "`tag:<key>`, `tag-key`, `tag-value`. Repeat a parameter for several values; `*` and `?` are wildcards.",
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            };
        }
        if (!op.Body)
        {
            foreach (var member in QueryMembers(op, members))
            {
                yield return new OpenApiParameter
                {
                    Name = RestJson.Name(member.Name),
                    In = ParameterLocation.Query,
                    Description = $"`{member.Name}` of `{op.Action.Name}`.",
                    Style = ParameterStyle.Form,
                    Explode = true,
                    Schema = context.SchemaGenerator.GenerateSchema(member.PropertyType, context.SchemaRepository),
                };
            }
        }
        yield return Shared(context, "Account", RestScope.AccountHeader, "The account (12 digits) the request acts in; the configured default account when absent.");
        yield return Shared(context, "Region", RestScope.RegionHeader, "The region the request acts in; the configured default region when absent.");
    }

    /// <summary>A header every operation takes, declared once under components/parameters.</summary>
    private static OpenApiParameterReference Shared(OperationFilterContext context, string id, string header, string description)
    {
        var components = context.Document.Components ??= new OpenApiComponents();
        components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        components.Parameters.TryAdd(id, new OpenApiParameter
        {
            Name = header,
            In = ParameterLocation.Header,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return new OpenApiParameterReference(id, context.Document);
    }

    /// <summary>Members a query string can carry: scalars and lists of scalars not already given by the route.</summary>
    private static IEnumerable<PropertyInfo> QueryMembers(RestOperation op, Dictionary<string, PropertyInfo> members)
    {
        var bound = Bound(op);
        return members.Values.Where(m => !bound.Contains(m.Name) && m.Name != op.FilterMember && IsScalar(ResultPaths.ElementType(m.PropertyType) ?? m.PropertyType))
            .OrderBy(m => m.MetadataToken);
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(bool);
    }

    private static HashSet<string> Bound(RestOperation op) =>
        op.Path.Where(p => p.Member is not null).Select(p => p.Member!).Concat(op.Fixed.Keys).ToHashSet(StringComparer.Ordinal);

    private static OpenApiRequestBody RequestBody(RestOperation op, OperationFilterContext context)
    {
        var bound = Bound(op);
        var required = OperationInputs.RequiredMembers(op.Action.Service, op.Action.Name).Where(m => !bound.Contains(m)).ToList();
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = $"The members of `{op.Action.Name}` (the AWS API's names, camelCase) that the path does not give.",
            Properties = new Dictionary<string, IOpenApiSchema>(),
            Required = required.Select(RestJson.Name).ToHashSet(),
            AdditionalPropertiesAllowed = false,
        };
        foreach (var member in RestRequestBinder.Members(op.Action.CommandType).Values.OrderBy(m => m.MetadataToken).Where(m => !bound.Contains(m.Name)))
        {
            schema.Properties[RestJson.Name(member.Name)] = context.SchemaGenerator.GenerateSchema(member.PropertyType, context.SchemaRepository);
        }
        return new OpenApiRequestBody
        {
            Required = required.Count > 0,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = schema } },
        };
    }

    private static OpenApiResponses Responses(RestOperation op, OperationFilterContext context)
    {
        var success = new OpenApiResponse { Description = Describe(op) };
        if (op.AnswerType is { } type)
        {
            success.Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository) },
            };
        }
        if (op.Answer == RestAnswer.Created)
        {
            success.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Location"] = new OpenApiHeader { Description = "The new resource's path.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
        var responses = new OpenApiResponses { [op.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)] = success };
        foreach (var status in op.ErrorStatuses) ProblemResponses.Add(responses, status, context);
        return responses;
    }

    private static string Describe(RestOperation op) => op.Answer switch
    {
        RestAnswer.Created => "Created: the new resource as its GET shows it.",
        RestAnswer.Resource => "The resource as its GET shows it after the change.",
        RestAnswer.Item => "The resource.",
        RestAnswer.NoContent => "Done.",
        _ => $"The result of `{op.Action.Name}`.",
    };
}

/// <summary>Error responses: <c>application/problem+json</c> with the AWS error code as title.</summary>
internal static class ProblemResponses
{
    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The request is invalid; `title`/`code` is the AWS error code (`InvalidParameterValue`, `MissingParameter`, `UnknownParameter`, `InvalidRequest`, a `*.Malformed` id, a limit, ...).",
        [403] = "The admin token is missing or wrong (`UnauthorizedOperation`).",
        [404] = "A resource the request names does not exist (`*.NotFound`, e.g. `InvalidVpcID.NotFound`).",
        [412] = "`dryRun` was true and the request would have succeeded (`DryRunOperation`); nothing was changed.",
        [409] = "The request conflicts with the current state: a duplicate (`*.Duplicate`, `*AlreadyExists`), something in use (`*.InUse`, `DependencyViolation`) or a conflict (`*.Conflict`).",
    };

    public static void Add(OpenApiResponses responses, int status, OperationFilterContext context) =>
        responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = Descriptions[status],
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [RestProblem.ContentType] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(RestProblem), context.SchemaRepository) },
            },
        };
}
