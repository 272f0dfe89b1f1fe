using System.Text.RegularExpressions;
using ControlPlane.Application.Pipeline;

namespace ControlPlane.Api.Rest;

/// <summary>
/// Declares REST operations, group by group (<c>Rest/Groups/*.cs</c>). Conventions keep every group the same:
/// route parameters fill the command member of the same name (or its plural list: <c>{vpcId}</c> → <c>VpcIds</c>),
/// list operations take the Describe filters as query parameters, creates answer 201 with the new resource as its GET
/// shows it, deletes answer 204, and actions that answer nothing of their own answer the resource they changed.
/// Every declaration is checked when the host starts, so a mistake fails start-up and the OpenAPI test, not a request.
/// </summary>
public sealed partial class RestApiBuilder(OperationRegistry registry, string prefix)
{
    private readonly List<RestOperation> _operations = [];

    public IReadOnlyList<RestOperation> Operations => _operations;

    /// <param name="collection">The path under the prefix, e.g. <c>vpcs</c> or <c>reachability/paths</c>.</param>
    /// <param name="idParameter">The route parameter naming one resource, e.g. <c>vpcId</c>.</param>
    /// <param name="noun">PascalCase, for operation ids (<c>getVpc</c>).</param>
    /// <param name="display">For summaries (<c>Get one VPC</c>).</param>
    /// <param name="tag">The OpenAPI tag grouping the operations.</param>
    public RestResource Resource(string collection, string idParameter, string noun, string display, string tag, string? plural = null) =>
        new(this, prefix, $"{prefix}/{collection}", idParameter, noun, display, plural ?? display + "s", tag);

    internal Operation Find(string action, string service) =>
        registry.Find(service, action) ?? throw new InvalidOperationException($"REST operation for unknown action {service}.{action}.");

    internal RestOperation Add(RestOperation operation)
    {
        if (_operations.Any(o => o.OperationId == operation.OperationId))
            throw new InvalidOperationException($"Two REST operations are named {operation.OperationId}.");
        if (_operations.Any(o => o.Method == operation.Method && o.Route == operation.Route))
            throw new InvalidOperationException($"Two REST operations answer {operation.Method} {operation.Route}.");
        foreach (var member in operation.Path.Select(p => p.Member).Concat(operation.Fixed.Keys))
        {
            if (member is not null && !RestRequestBinder.Members(operation.Action.CommandType).ContainsKey(member))
                throw new InvalidOperationException($"{operation.OperationId}: {operation.Action.Name} has no member {member}.");
        }
        _ = operation.AnswerType; // checks ItemPath
        if ((operation.QueryFilters || operation.Path.Any(p => p.Filter is not null)) && operation.FilterMember is null)
            throw new InvalidOperationException($"{operation.OperationId}: {operation.Action.Name} takes no filters.");
        operation = operation with { Position = _operations.Count };
        _operations.Add(operation);
        return operation;
    }

    internal static IEnumerable<string> RouteParameters(string route) =>
        RouteParameter().Matches(route).Select(m => m.Groups[1].Value);

    [GeneratedRegex("\\{([A-Za-z0-9]+)(:[^}]*)?\\}")]
    private static partial Regex RouteParameter();
}

/// <summary>One resource collection's operations; see <see cref="RestApiBuilder"/> for the conventions.</summary>
public sealed class RestResource
{
    private readonly RestApiBuilder _api;
    private readonly string _prefix;
    private readonly string _collection;
    private readonly string _idParameter;
    private readonly string _noun;
    private readonly string _display;
    private readonly string _plural;
    private readonly string _tag;
    private RestOperation? _get;

    internal RestResource(RestApiBuilder api, string prefix, string collection, string idParameter, string noun, string display, string plural, string tag) =>
        (_api, _prefix, _collection, _idParameter, _noun, _display, _plural, _tag) = (api, prefix, collection, idParameter, noun, display, plural, tag);

    private string Item => $"{_collection}/{{{_idParameter}}}";

    /// <summary><c>GET /collection</c>: the Describe action, filters from the query string.</summary>
    public RestResource List(string action, IEnumerable<string> filters, string? summary = null, string service = "ec2")
    {
        Add(HttpMethods.Get, _collection, action, "list" + Strip(action, "Describe"), summary ?? $"List {_plural}", service,
            answer: RestAnswer.Result, filters: filters,
            description: $"Runs `{action}`. Filters are query parameters named as in the AWS API (`?vpc-id=vpc-0a1b&tag:Name=web`; repeat a parameter for several values); `maxResults` and `nextToken` page.");
        return this;
    }

    /// <summary><c>GET /collection/{id}</c>: the Describe action for one id; unknown ids answer 404.</summary>
    /// <param name="item">Where the resource is in the result; by default the first element of its one list.</param>
    public RestResource Get(string action, string? item = null, string? summary = null, string service = "ec2")
    {
        var operation = _api.Find(action, service);
        item ??= operation.ResultType.GetProperties().First(p => ResultPaths.ElementType(p.PropertyType) is not null).Name + "[0]";
        _get = Add(HttpMethods.Get, Item, action, "get" + _noun, summary ?? $"Get one {_display}", service,
            answer: RestAnswer.Item, item: item, description: $"Runs `{action}` for one id.");
        return this;
    }

    /// <summary><c>POST /collection</c>: 201 with the new resource as <see cref="Get"/> shows it.</summary>
    /// <param name="id">Where the action's result holds the new id, e.g. <c>Vpc.VpcId</c>.</param>
    public RestResource Create(string action, string id, string? summary = null, string service = "ec2")
    {
        Add(HttpMethods.Post, _collection, action, Camel(action), summary ?? $"Create {Article(_display)} {_display}", service,
            answer: RestAnswer.Created, id: id, body: true,
            description: $"Runs `{action}` with the body's members; answers 201 with the new {_display} as its GET shows it.");
        return this;
    }

    /// <summary><c>DELETE /collection/{id}</c>: 204.</summary>
    /// <param name="answer">204 unless the action reports per-id outcomes in its result (e.g. DeleteVpcEndpoints).</param>
    public RestResource Delete(string action, string? summary = null, RestAnswer answer = RestAnswer.NoContent, string service = "ec2")
    {
        Add(HttpMethods.Delete, Item, action, Camel(action), summary ?? $"Delete {Article(_display)} {_display}", service,
            answer: answer, description: $"Runs `{action}`.");
        return this;
    }

    public RestResource Post(string route, string action, string summary, string? operationId = null, object? fixedMembers = null,
        IReadOnlyDictionary<string, string>? pathFilters = null, RestAnswer? answer = null, string service = "ec2") =>
        Action(HttpMethods.Post, route, action, summary, operationId, fixedMembers, pathFilters, answer, body: true, service);

    public RestResource Put(string route, string action, string summary, string? operationId = null, object? fixedMembers = null,
        RestAnswer? answer = null, string service = "ec2") =>
        Action(HttpMethods.Put, route, action, summary, operationId, fixedMembers, null, answer, body: true, service);

    public RestResource Patch(string route, string action, string summary, string? operationId = null, object? fixedMembers = null,
        RestAnswer? answer = null, string service = "ec2") =>
        Action(HttpMethods.Patch, route, action, summary, operationId, fixedMembers, null, answer, body: true, service);

    /// <summary>A DELETE on a part of the resource; further command members come from the query string.</summary>
    public RestResource Delete(string route, string action, string summary, string? operationId = null, object? fixedMembers = null,
        RestAnswer? answer = null, string service = "ec2") =>
        Action(HttpMethods.Delete, route, action, summary, operationId, fixedMembers, null, answer, body: false, service);

    /// <summary>
    /// A GET answering an action's result, e.g. a resource's rules through their Describe action. With
    /// <paramref name="filters"/>, query parameters that are not command members are filters (and route parameters may be
    /// filters too); without, query parameters are command members.
    /// </summary>
    public RestResource Read(string route, string action, string summary, string operationId, IEnumerable<string>? filters = null,
        IReadOnlyDictionary<string, string>? pathFilters = null, string service = "ec2")
    {
        Add(HttpMethods.Get, Resolve(route), action, operationId, summary, service, answer: RestAnswer.Result, filters: filters,
            pathFilters: pathFilters, description: filters is null
                ? $"Runs `{action}`; its other members are query parameters."
                : $"Runs `{action}`; further filters are query parameters as on the list operations.");
        return this;
    }

    private RestResource Action(string method, string route, string action, string summary, string? operationId, object? fixedMembers,
        IReadOnlyDictionary<string, string>? pathFilters, RestAnswer? answer, bool body, string service)
    {
        var full = Resolve(route);
        var operation = _api.Find(action, service);
        var answersNothing = operation.ResultType == typeof(Empty)
            || operation.ResultType.GetProperties().All(p => p.Name == "Return");
        var names = RestApiBuilder.RouteParameters(full).ToList();
        answer ??= !answersNothing ? RestAnswer.Result : names.Contains(_idParameter) && _get is not null ? RestAnswer.Resource : RestAnswer.NoContent;
        Add(method, full, action, operationId ?? Camel(action), summary, service, answer.Value, body: body, fixedMembers: fixedMembers,
            pathFilters: pathFilters, description: $"Runs `{action}`." + (answer == RestAnswer.Resource ? $" Answers the {_display} as its GET shows it afterwards." : ""));
        return this;
    }

    /// <summary>Routes are relative to the collection; a leading <c>/</c> makes them relative to the API prefix instead.</summary>
    private string Resolve(string route) => route.Length == 0 ? _collection : route.StartsWith('/') ? _prefix + route : $"{_collection}/{route}";

    private RestOperation Add(string method, string route, string action, string operationId, string summary, string service,
        RestAnswer answer, string? description = null, IEnumerable<string>? filters = null, string? item = null, string? id = null,
        bool body = false, object? fixedMembers = null, IReadOnlyDictionary<string, string>? pathFilters = null)
    {
        var operation = _api.Find(action, service);
        var members = RestRequestBinder.Members(operation.CommandType);
        var path = RestApiBuilder.RouteParameters(route).Select(p =>
        {
            if (pathFilters?.TryGetValue(p, out var filter) == true) return new PathBinding(p, null, filter);
            var member = Pascal(p);
            if (members.ContainsKey(member)) return new PathBinding(p, members[member].Name, null);
            if (members.ContainsKey(member + "s")) return new PathBinding(p, members[member + "s"].Name, null);
            throw new InvalidOperationException($"{operationId}: route parameter {p} matches no member of {action}.");
        }).ToList();
        if ((answer is RestAnswer.Created or RestAnswer.Resource) && _get is null)
            throw new InvalidOperationException($"{operationId}: declare the resource's Get before operations that answer with it.");
        return _api.Add(new RestOperation
        {
            Method = method,
            Route = route,
            OperationId = operationId,
            Summary = summary,
            Description = description,
            Tag = _tag,
            Action = operation,
            Path = path,
            Fixed = Fixed(fixedMembers),
            Body = body,
            QueryFilters = filters is not null,
            FilterNames = filters?.Order(StringComparer.Ordinal).ToArray() ?? [],
            Answer = answer,
            ItemPath = item,
            IdPath = id,
            Follow = answer is RestAnswer.Created or RestAnswer.Resource ? _get : null,
        });
    }

    private static Dictionary<string, object> Fixed(object? members) =>
        members?.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(members)!) ?? [];

    private static string Article(string noun) => "aeiouAEIOU".Contains(noun[0]) ? "an" : "a";
    private static string Strip(string action, string verb) => action.StartsWith(verb, StringComparison.Ordinal) ? action[verb.Length..] : action;
    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
