namespace ControlPlane.Domain.Errors;

/// <summary>
/// The one exception type for every AWS error: the wire code (e.g. <c>InvalidGroup.NotFound</c>), the AWS message
/// and the HTTP status AWS answers with. Built only through the catalogues (<see cref="Ec2Errors"/>).
/// </summary>
public sealed class AwsException(string code, string message, int httpStatus = 400) : Exception(message)
{
    public string Code { get; } = code;
    public int HttpStatus { get; } = httpStatus;

    /// <summary>
    /// Further members of the error's shape by wire name, for JSON services whose errors carry them (Amazon MQ's
    /// <c>errorAttribute</c>); the query protocols have none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Members { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// How the REST adapter classifies the error, by its code: <c>*NotFound</c> is 404; duplicates, <c>*AlreadyExists</c>,
    /// <c>*.InUse</c>, <c>*.Conflict</c>, <c>Resource.AlreadyAssociated</c> and <c>DependencyViolation</c> are 409; anything else
    /// keeps AWS's status (400 for nearly every client error; 403, 412 and 5xx where AWS uses them).
    /// </summary>
    public AwsErrorKind Kind =>
        Code.EndsWith("NotFound", StringComparison.Ordinal) ? AwsErrorKind.NotFound
        : Code.EndsWith(".Duplicate", StringComparison.Ordinal) || Code.EndsWith("AlreadyExists", StringComparison.Ordinal)
          || Code.EndsWith(".InUse", StringComparison.Ordinal) || Code.EndsWith(".Conflict", StringComparison.Ordinal)
          || Code is "DependencyViolation" or "Resource.AlreadyAssociated"
            ? AwsErrorKind.Conflict
            : HttpStatus >= 500 ? AwsErrorKind.Server : AwsErrorKind.Invalid;
}

public enum AwsErrorKind { Invalid, NotFound, Conflict, Server }
