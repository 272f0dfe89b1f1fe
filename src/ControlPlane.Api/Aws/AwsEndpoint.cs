namespace ControlPlane.Api.Aws;

/// <summary>
/// The one door for every AWS service: picks the protocol adapter and model from the request (see <see cref="AwsServices"/>):
/// an <c>X-Amz-Target</c> header is the json protocol, a rest-json signing name (or, unsigned, a path one of those
/// services answers) is rest-json, anything else is the query protocol of the signing name (EC2 when unsigned).
/// </summary>
public sealed class AwsEndpoint(AwsQueryEndpoint query, AwsJsonEndpoint json)
{
    public Task HandleAsync(HttpContext http)
    {
        var scope = SigV4Scope.From(http.Request);
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0 && AwsServices.JsonModel(target) is { } jsonModel)
            return json.HandleAsync(http, jsonModel.SigningName, jsonModel, null, scope);

        if (scope is not null && AwsServices.RestJsonModel(scope.Service) is var (signed, signedRouter))
            return json.HandleAsync(http, scope.Service, signed, signedRouter, scope);

        if (http.Request.Path.Value is { Length: > 1 } path)
        {
            var names = http.Request.Query.Keys.ToHashSet();
            return AwsServices.RestJsonByPath(http.Request.Method, path, names) is var (model, router)
                ? json.HandleAsync(http, model.SigningName, model, router, scope)
                : NotFound(http);
        }
        return query.HandleAsync(http, scope);
    }

    private static Task NotFound(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
