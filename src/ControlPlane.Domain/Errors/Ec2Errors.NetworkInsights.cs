namespace ControlPlane.Domain.Errors;

/// <summary>
/// Reachability Analyzer (Network Insights) errors. The codes are the ones AWS's own CloudFormation handlers for these
/// resources and Terraform's AWS provider match on
/// (https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-ec2-ni, Translator.getHandlerError;
/// terraform-provider-aws internal/service/ec2/errors.go); the messages of the delete and Destination errors are
/// AWS's as seen in terraform-provider-aws#28330 and #38132, the others follow EC2's usual wording.
/// </summary>
public static partial class Ec2Errors
{
    public static AwsException NetworkInsightsPathNotFound(string id) => NetworkInsightsPathsNotFound([id]);
    public static AwsException NetworkInsightsPathsNotFound(IReadOnlyList<string> ids) =>
        IdsNotFound("InvalidNetworkInsightsPathId.NotFound", "network insights path", ids);
    public static AwsException NetworkInsightsPathIdMalformed(string id) => Malformed("InvalidNetworkInsightsPathId.Malformed", "nip", id);

    public static AwsException NetworkInsightsAnalysisNotFound(string id) => NetworkInsightsAnalysesNotFound([id]);
    public static AwsException NetworkInsightsAnalysesNotFound(IReadOnlyList<string> ids) =>
        IdsNotFound("InvalidNetworkInsightsAnalysisId.NotFound", "network insights analysis", ids);
    public static AwsException NetworkInsightsAnalysisIdMalformed(string id) => Malformed("InvalidNetworkInsightsAnalysisId.Malformed", "nia", id);

    /// <summary>CreateNetworkInsightsPath naming a source that does not exist (or that the caller cannot see).</summary>
    public static AwsException NetworkInsightsSourceNotFound(string source) =>
        new("NetworkInsightsSource.NotFound", $"The source '{source}' does not exist");

    public static AwsException NetworkInsightsDestinationNotFound(string destination) =>
        new("NetworkInsightsDestination.NotFound", $"The destination '{destination}' does not exist");

    /// <summary>A source or destination of a kind the Reachability Analyzer does not take (a subnet, a group, text that is no id).</summary>
    public static AwsException NetworkInsightsResourceUnsupported(string value, string parameter) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter {parameter} is invalid. Specify the ID or ARN of an instance, network interface, internet gateway, NAT gateway, VPC endpoint or VPC peering connection.");

    public static AwsException NetworkInsightsDestinationMissing() =>
        new("MissingParameter", "The request must include either the Destination parameter or the FilterAtSource.DestinationAddress parameter. Add the required parameter and retry the request.");

    public static AwsException NetworkInsightsFilterAtSourceCombination(string parameter) =>
        new("InvalidParameterCombination", $"The parameter FilterAtSource cannot be used with the parameter {parameter}.");

    public static AwsException NetworkInsightsFilterAtDestinationCombination() =>
        new("InvalidParameterCombination", "The parameter FilterAtDestination cannot be used with the parameter DestinationIp.");

    public static AwsException NetworkInsightsProtocolInvalid(string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter protocol is invalid. Valid values: tcp, udp.");

    public static AwsException NetworkInsightsPortInvalid(int value, string parameter) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter {parameter} is invalid. Ports are 0-65535.");

    public static AwsException NetworkInsightsPortRangeInvalid(int from, int to, string parameter) =>
        new("InvalidParameterValue", $"Value ({from}-{to}) for parameter {parameter} is invalid. FromPort must not be greater than ToPort.");

    public static AwsException NetworkInsightsAddressInvalid(string value, string parameter) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter {parameter} is invalid. Specify an IPv4 address.");

    /// <summary>"At least one analysis [nia-yyyy] exists for path nip-xxxx. Delete all the analyses before deleting this network path."</summary>
    public static AwsException AnalysisExistsForNetworkInsightsPath(string pathId, IReadOnlyList<string> analysisIds) =>
        new("AnalysisExistsForNetworkInsightsPath",
            $"At least one analysis [{string.Join(", ", analysisIds)}] exists for path {pathId}. Delete all the analyses before deleting this network path.");

    public static AwsException NetworkInsightsPathLimitExceeded(int limit) =>
        new("NetworkInsightsPath.LimitExceeded", $"You have reached the limit of {limit} network insights paths.");

    public static AwsException NetworkInsightsAnalysisLimitExceeded(int limit) =>
        new("NetworkInsightsAnalysis.LimitExceeded", $"You have reached the limit of {limit} network insights analyses.");

    public static AwsException NetworkInsightsAnalysisOptionUnsupported(string parameter) =>
        new("UnsupportedOperation", $"The parameter {parameter} is not supported by ControlPlane: it analyses the caller's own account, along the path it finds.");
}
