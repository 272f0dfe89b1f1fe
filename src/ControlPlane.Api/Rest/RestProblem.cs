using ControlPlane.Domain.Errors;

namespace ControlPlane.Api.Rest;

/// <summary>
/// An error as <c>application/problem+json</c> (RFC 9457): <c>title</c> and <c>code</c> are the AWS error code,
/// <c>detail</c> the AWS message, <c>status</c> from <see cref="AwsException.Kind"/>.
/// </summary>
public sealed record RestProblem(string Type, string Title, int Status, string Detail, string Code, string RequestId)
{
    public const string ContentType = "application/problem+json";

    public static RestProblem From(AwsException error, string requestId) =>
        new("about:blank", error.Code, StatusOf(error), error.Message, error.Code, requestId);

    /// <summary>The one mapping from an AWS error to an HTTP status for the JSON surfaces.</summary>
    public static int StatusOf(AwsException error) => error.Kind switch
    {
        AwsErrorKind.NotFound => StatusCodes.Status404NotFound,
        AwsErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => error.HttpStatus,
    };

    public Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        return response.WriteAsJsonAsync(this, RestJson.Options, ContentType, response.HttpContext.RequestAborted);
    }
}
