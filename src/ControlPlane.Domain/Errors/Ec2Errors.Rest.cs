namespace ControlPlane.Domain.Errors;

/// <summary>
/// Errors of the JSON REST adapter and the sandbox surface (<c>/_controlplane/...</c>). The REST adapter answers AWS
/// codes wherever AWS has one for the same mistake (<c>UnknownParameter</c>, <c>MissingParameter</c>,
/// <c>InvalidParameterValue</c>); the sandbox's own failures have codes of their own, classified like AWS codes
/// (<c>.Conflict</c>/<c>AlreadyExists</c> are conflicts).
/// </summary>
public static partial class Ec2Errors
{
    /// <summary>EC2's answer to a request it cannot read: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html</summary>
    public static AwsException InvalidRequestBody(string reason) =>
        new("InvalidRequest", $"The request body is not a valid JSON request: {reason}");

    public static AwsException UnknownParameter(string parameter) =>
        new("UnknownParameter", $"The parameter {parameter} is not recognized");

    public static AwsException ParameterGivenByPath(string parameter) =>
        new("UnknownParameter", $"The parameter {parameter} is given by the request path, not the body");

    public static AwsException InvalidParameterType(string parameter, string reason) =>
        new("InvalidParameterValue", $"Invalid value for parameter {parameter}: {reason}");

    /// <summary>A path under <c>/api/v1</c> that names no operation (as EC2 answers an unknown Action).</summary>
    public static AwsException UnknownRoute(string method, string path) =>
        new("InvalidAction.NotFound", $"No operation answers {method} {path}; the operations are listed at /swagger.");

    /// <summary>
    /// GET of one resource whose Describe action answers an empty list instead of an error for an unknown id (as
    /// DescribeEgressOnlyInternetGateways does on AWS): REST answers 404 all the same.
    /// </summary>
    public static AwsException DescribedNothing(string id) =>
        new("InvalidResourceID.NotFound", $"The resource ID '{id}' does not exist");

    public static AwsException InvalidScopeHeader(string header, string value, string expected) =>
        new("InvalidParameterValue", $"Value ({value}) for header {header} is invalid. Expecting {expected}.");

    // Sandbox.
    public static AwsException AdminTokenRequired(string header) =>
        new("UnauthorizedOperation", $"You are not authorized to perform this operation. The sandbox endpoints need the admin token in the {header} header.", 403);

    public static AwsException ScopeParametersIncomplete() =>
        new("InvalidParameterCombination", "Give both account and region to name one scope, or neither for the whole emulator.");

    public static AwsException InvalidStateDocument(string reason) =>
        new("InvalidStateDocument", $"The state document was refused and nothing was imported: {reason}");

    public static AwsException ScopeNotEmpty(string account, string region) =>
        new("Scope.AlreadyExists", $"The scope {account}/{region} already holds state (every request creates its default VPC); reset it before importing. Nothing was imported.");

    public static AwsException StateConflict(string reason) =>
        new("InvalidStateDocument.Conflict", $"The state document conflicts with state already in the emulator and nothing was imported: {reason}");

    public static AwsException ScopeReferencedElsewhere(string account, string region) =>
        new("DependencyViolation", $"Resources of another scope refer to {account}/{region} (security group rules referencing its groups across a peering): reset that scope first, or reset everything. Nothing was reset.");
}
