namespace ControlPlane.Domain.Errors;

/// <summary>
/// The one exception type for every AWS error: the wire code (e.g. <c>InvalidGroup.NotFound</c>), the AWS message
/// and the HTTP status AWS answers with. Built only through the catalogues (<see cref="Ec2Errors"/>).
/// </summary>
public sealed class AwsException(string code, string message, int httpStatus = 400) : Exception(message)
{
    public string Code { get; } = code;
    public int HttpStatus { get; } = httpStatus;

    /// <summary>How the REST adapter classifies the error (404, 409 or 400).</summary>
    public AwsErrorKind Kind =>
        Code.EndsWith(".NotFound", StringComparison.Ordinal) ? AwsErrorKind.NotFound
        : Code.EndsWith(".Duplicate", StringComparison.Ordinal) || Code is "DependencyViolation" or "InvalidGroup.InUse" or "NetworkAclEntryAlreadyExists"
            ? AwsErrorKind.Conflict
            : HttpStatus >= 500 ? AwsErrorKind.Server : AwsErrorKind.Invalid;
}

public enum AwsErrorKind { Invalid, NotFound, Conflict, Server }
