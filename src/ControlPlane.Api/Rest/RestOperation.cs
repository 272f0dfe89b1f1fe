using ControlPlane.Application.Pipeline;

namespace ControlPlane.Api.Rest;

/// <summary>What a REST operation answers with.</summary>
public enum RestAnswer
{
    /// <summary>200 with the action's result as the AWS model shapes it (camelCase).</summary>
    Result,

    /// <summary>200 with one element of the result (<see cref="RestOperation.ItemPath"/>): GET of one resource through its Describe action.</summary>
    Item,

    /// <summary>201 with a <c>Location</c> and the new resource as its GET answers it.</summary>
    Created,

    /// <summary>200 with the resource the route names, as its GET answers it after the change (actions that answer nothing of their own).</summary>
    Resource,

    /// <summary>204.</summary>
    NoContent,
}

/// <summary>A route parameter and what it fills: a command member (a list member gets a one-item list) or a Describe filter.</summary>
public sealed record PathBinding(string Parameter, string? Member, string? Filter);

/// <summary>
/// One REST operation: a route and HTTP method translated to one application action. Everything the adapter does for a
/// request, and everything the OpenAPI document says about it, comes from this record; nothing is decided per request.
/// </summary>
public sealed record RestOperation
{
    public required string Method { get; init; }

    /// <summary>The full route, e.g. <c>/api/v1/vpcs/{vpcId}</c>.</summary>
    public required string Route { get; init; }
    public required string OperationId { get; init; }
    public required string Summary { get; init; }
    public string? Description { get; init; }
    public required string Tag { get; init; }

    /// <summary>The declaration's place among all operations: the OpenAPI document lists them in this order.</summary>
    public int Position { get; init; }

    /// <summary>The application action the request becomes (its Command, validator and handler).</summary>
    public required Operation Action { get; init; }
    public IReadOnlyList<PathBinding> Path { get; init; } = [];

    /// <summary>Members the route fixes (e.g. <c>Egress = true</c> under <c>.../entries/egress/...</c>).</summary>
    public IReadOnlyDictionary<string, object> Fixed { get; init; } = new Dictionary<string, object>();

    /// <summary>Whether the remaining command members come from a JSON body.</summary>
    public bool Body { get; init; }

    /// <summary>Query parameters that are not command members are Describe filters (list operations); otherwise they are refused.</summary>
    public bool QueryFilters { get; init; }

    /// <summary>The command's list of filters (<c>Filters</c>, or <c>Filter</c> as DescribeNatGateways names it), if it has one.</summary>
    public string? FilterMember => Action.CommandType.GetProperties()
        .FirstOrDefault(p => ResultPaths.ElementType(p.PropertyType) == typeof(Application.Shapes.Filter))?.Name;

    /// <summary>The filter names the Describe action knows, for the documentation (the action itself checks them).</summary>
    public IReadOnlyCollection<string> FilterNames { get; init; } = [];
    public RestAnswer Answer { get; init; }

    /// <summary><see cref="RestAnswer.Item"/>: the element of the result answered, e.g. <c>Vpcs[0]</c>.</summary>
    public string? ItemPath { get; init; }

    /// <summary><see cref="RestAnswer.Created"/>: where the result holds the new resource's id, e.g. <c>Vpc.VpcId</c>.</summary>
    public string? IdPath { get; init; }

    /// <summary><see cref="RestAnswer.Created"/> and <see cref="RestAnswer.Resource"/>: the GET that answers.</summary>
    public RestOperation? Follow { get; init; }

    public int SuccessStatus => Answer switch
    {
        RestAnswer.Created => StatusCodes.Status201Created,
        RestAnswer.NoContent => StatusCodes.Status204NoContent,
        _ => StatusCodes.Status200OK,
    };

    /// <summary>The CLR type of the success body, or null for none.</summary>
    public Type? AnswerType => Answer switch
    {
        RestAnswer.Result => Action.ResultType,
        RestAnswer.Item => ResultPaths.TypeAt(Action.ResultType, ItemPath!),
        RestAnswer.Created or RestAnswer.Resource => Follow!.AnswerType,
        _ => null,
    };

    /// <summary>
    /// The error statuses the operation can answer: 400 always, 404 when the route names resources, 409 for changes,
    /// 412 (<c>DryRunOperation</c>) when the action takes <c>dryRun</c>.
    /// </summary>
    public IReadOnlyList<int> ErrorStatuses =>
    [
        StatusCodes.Status400BadRequest,
        .. Path.Count > 0 ? [StatusCodes.Status404NotFound] : Array.Empty<int>(),
        .. Method != HttpMethods.Get ? [StatusCodes.Status409Conflict] : Array.Empty<int>(),
        .. typeof(Application.Shapes.IDryRunnable).IsAssignableFrom(Action.CommandType) ? [StatusCodes.Status412PreconditionFailed] : Array.Empty<int>(),
    ];
}
