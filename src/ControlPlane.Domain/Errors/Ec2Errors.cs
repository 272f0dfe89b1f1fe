namespace ControlPlane.Domain.Errors;

/// <summary>
/// The EC2 error catalogue: every error the emulator answers is built here, with AWS's code and message.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
/// One class, split by area into <c>Ec2Errors.&lt;Area&gt;.cs</c> files as it grows.
/// </summary>
public static partial class Ec2Errors
{
    // Common client errors.
    public static AwsException InvalidAction(string action) =>
        new("InvalidAction", $"The action {action} is not valid for this web service.");
    public static AwsException MalformedQueryString() =>
        new("MalformedQueryString", "The query string or form body could not be parsed.");
    public static AwsException MissingAction() => new("MissingAction", "The request must contain the parameter Action");
    public static AwsException MissingParameter(string parameter) =>
        new("MissingParameter", $"The request must contain the parameter {parameter}");
    public static AwsException InvalidParameterValue(string message) => new("InvalidParameterValue", message);
    public static AwsException InvalidParameterValue(string value, string parameter) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter {parameter} is invalid.");
    public static AwsException InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);
    public static AwsException InvalidParameter(string message) => new("InvalidParameter", message);
    public static AwsException DryRunOperation() =>
        new("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    public static AwsException InvalidFilter(string name) =>
        new("InvalidParameterValue", $"The filter '{name}' is invalid");
    public static AwsException InvalidNextToken(string token) =>
        new("InvalidNextToken", $"The token '{token}' is invalid.");
    public static AwsException InvalidMaxResults(int value, int min, int max) =>
        new("InvalidParameterValue", $"Value ( {value} ) for parameter maxResults is invalid. Expecting a value between {min} and {max}.");
    public static AwsException MaxResultsWithIds(string idsParameter) =>
        new("InvalidParameterCombination", $"The parameter {idsParameter} cannot be used with the parameter maxResults");
    public static AwsException InternalError() =>
        new("InternalError", "An internal error has occurred", 500);
    public static AwsException UnsupportedOperation(string message) => new("UnsupportedOperation", message);

    /// <summary>Same ClientToken, different parameters.</summary>
    public static AwsException IdempotentParameterMismatch(string token) =>
        new("IdempotentParameterMismatch", $"The client token '{token}' was already used with different parameters.");

    public static AwsException InvalidClientToken(string token) =>
        new("InvalidParameterValue", $"Value ({token}) for parameter clientToken is invalid. The client token must be at most 64 ASCII characters.");

    // What a violated database constraint means: races the scope's writer lock should prevent, caught by the store.
    public static AwsException HasDependents() =>
        new("DependencyViolation", "The resource has a dependent object and cannot be changed.");
    public static AwsException RuleAlreadyExists() => new("InvalidPermission.Duplicate", "the specified rule already exists");
    public static AwsException GroupNameTaken() => new("InvalidGroup.Duplicate", "The security group already exists for this VPC");
    public static AwsException SubnetCidrTaken() => new("InvalidSubnet.Conflict", "The CIDR conflicts with another subnet");
    public static AwsException AddressTaken() => new("InvalidIPAddress.InUse", "The specified address is already in use.");
    public static AwsException VpcCidrTaken() => new("InvalidVpc.Range", "The CIDR conflicts with another CIDR block of the VPC.");
    public static AwsException RouteTaken() => new("RouteAlreadyExists", "The route identified by this destination already exists.");
    public static AwsException NetworkAclEntryExists() =>
        new("NetworkAclEntryAlreadyExists", "The specified rule number already exists in this network ACL.");
    public static AwsException PublicAddressTaken() =>
        new("InsufficientAddressCapacity", "The public address was taken by a concurrent request; try again.", 503);
    public static AwsException AlreadyAssociated() => new("Resource.AlreadyAssociated", "The subnet is already associated.");

    // Ids.
    /// <summary>"The vpc ID 'vpc-1' does not exist"; several ids: "The vpc IDs 'vpc-1', 'vpc-2' do not exist".</summary>
    private static AwsException IdsNotFound(string code, string noun, IReadOnlyList<string> ids) =>
        new(code, ids.Count == 1 ? $"The {noun} ID '{ids[0]}' does not exist" : $"The {noun} IDs '{string.Join("', '", ids)}' do not exist");

    public static AwsException Malformed(string code, string kind, string id) =>
        new(code, $"Invalid id: \"{id}\" (expecting \"{kind}-...\")");

    // VPCs.
    public static AwsException VpcNotFound(string id) => VpcsNotFound([id]);
    public static AwsException VpcsNotFound(IReadOnlyList<string> ids) => IdsNotFound("InvalidVpcID.NotFound", "vpc", ids);
    public static AwsException VpcIdMalformed(string id) => Malformed("InvalidVpcID.Malformed", "vpc", id);
    public static AwsException InvalidVpcRange(string cidr) => new("InvalidVpc.Range", $"The CIDR '{cidr}' is invalid.");
    public static AwsException InvalidCidrBlock(string value, string parameter = "cidrBlock") =>
        new("InvalidParameterValue", $"Value ({value}) for parameter {parameter} is invalid. This is not a valid CIDR block.");
    public static AwsException VpcLimitExceeded() => new("VpcLimitExceeded", "The maximum number of VPCs has been reached.");
    public static AwsException CidrLimitExceeded(string vpcId, int limit) =>
        new("CidrLimitExceeded", $"This network '{vpcId}' has met its maximum number of allowed CIDRs: {limit}");
    public static AwsException VpcDependencyViolation(string id) =>
        new("DependencyViolation", $"The vpc '{id}' has dependencies and cannot be deleted.");
    public static AwsException VpcIdNotSpecified() => new("VPCIdNotSpecified", "No default VPC for this user");
    public static AwsException InvalidVpcAttribute(string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter attribute is invalid. Unknown attribute.");
    public static AwsException VpcCidrAssociationNotFound(string id) =>
        new("InvalidVpcCidrBlockAssociationID.NotFound", $"The vpc CIDR block association ID '{id}' does not exist");
    public static AwsException CannotDisassociatePrimaryCidr(string id) =>
        new("OperationNotPermitted", $"The vpc CIDR block with association ID {id} may not be disassociated. It is the primary IPv4 CIDR block of the VPC");
    public static AwsException VpcCidrInUse(string cidr, string vpcId) =>
        new("DependencyViolation", $"The CIDR block '{cidr}' of VPC '{vpcId}' is in use by subnets and cannot be disassociated.");
    public static AwsException VpcCidrConflict(string cidr, string vpcId) =>
        new("InvalidVpc.Range", $"The CIDR '{cidr}' conflicts with another CIDR block of the VPC '{vpcId}'.");

    // Subnets.
    public static AwsException SubnetNotFound(string id) => SubnetsNotFound([id]);
    public static AwsException SubnetsNotFound(IReadOnlyList<string> ids) => IdsNotFound("InvalidSubnetID.NotFound", "subnet", ids);
    public static AwsException SubnetIdMalformed(string id) => Malformed("InvalidSubnetID.Malformed", "subnet", id);
    public static AwsException InvalidSubnetRange(string cidr) => new("InvalidSubnet.Range", $"The CIDR '{cidr}' is invalid.");
    public static AwsException SubnetConflict(string cidr) =>
        new("InvalidSubnet.Conflict", $"The CIDR '{cidr}' conflicts with another subnet");
    public static AwsException SubnetLimitExceeded() =>
        new("SubnetLimitExceeded", "The maximum number of subnets has been reached.");
    public static AwsException SubnetDependencyViolation(string id) =>
        new("DependencyViolation", $"The subnet '{id}' has dependencies and cannot be deleted.");
    public static AwsException InvalidAvailabilityZone(string zone, IEnumerable<string> zones) =>
        new("InvalidParameterValue", $"Value ({zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: {string.Join(", ", zones)}.");
    public static AwsException InvalidAvailabilityZoneId(string zoneId) =>
        new("InvalidParameterValue", $"Value ({zoneId}) for parameter availabilityZoneId is invalid.");

    // Security groups.
    public static AwsException SecurityGroupNotFound(string id) =>
        new("InvalidGroup.NotFound", $"The security group '{id}' does not exist");
    public static AwsException SecurityGroupsNotFound(IReadOnlyList<string> ids) =>
        ids.Count == 1 ? SecurityGroupNotFound(ids[0]) : new("InvalidGroup.NotFound", $"The security groups '{string.Join("', '", ids)}' do not exist");
    public static AwsException SecurityGroupNotFoundInVpc(string name, string vpcId) =>
        new("InvalidGroup.NotFound", $"The security group '{name}' does not exist in VPC '{vpcId}'");
    public static AwsException SecurityGroupNotFoundInDefaultVpc(string name) =>
        new("InvalidGroup.NotFound", $"The security group '{name}' does not exist in default VPC");
    public static AwsException SecurityGroupIdMalformed(string id) =>
        id.Length == 0 ? new("InvalidGroupId.Malformed", "The security-group ID '' is malformed") : Malformed("InvalidGroupId.Malformed", "sg", id);
    public static AwsException SecurityGroupDuplicate(string name, string vpcId) =>
        new("InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpcId}'");
    public static AwsException SecurityGroupReserved() =>
        new("InvalidGroup.Reserved", "The security group 'default' is reserved");
    public static AwsException InvalidGroupName(string name, string reason) =>
        new("InvalidParameterValue", $"Value ({name}) for parameter GroupName is invalid. {reason}");
    public static AwsException InvalidGroupDescription(string description, string reason) =>
        new("InvalidParameterValue", $"Value ({description}) for parameter GroupDescription is invalid. {reason}");
    public static AwsException CannotDeleteDefaultGroup(string id) =>
        new("CannotDelete", $"the specified group: \"{id}\" name: \"default\" cannot be deleted by a user");
    public static AwsException SecurityGroupDependencyViolation(string id) =>
        new("DependencyViolation", $"resource {id} has a dependent object");
    public static AwsException SecurityGroupLimitExceeded() =>
        new("SecurityGroupLimitExceeded", "The maximum number of security groups has been reached.");
    public static AwsException RulesPerSecurityGroupLimitExceeded() =>
        new("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been reached.");
    public static AwsException PermissionDuplicate(string description) =>
        new("InvalidPermission.Duplicate", $"the specified rule \"{description}\" already exists");
    public static AwsException PermissionNotFound() =>
        new("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
    public static AwsException PermissionMalformed(string message) => new("InvalidPermission.Malformed", message);
    public static AwsException MissingSourceSpecification() =>
        new("MissingParameter", "Missing source specification: include source security group or CIDR information");
    public static AwsException UnknownProtocol(string value) =>
        new("InvalidParameterValue", $"Invalid value '{value}' for IP protocol. Unknown protocol.");
    public static AwsException PortRangeRequired(string protocol) =>
        new("InvalidParameterValue", $"Invalid value 'Must specify both from and to ports with {protocol}.' for portRange.");
    public static AwsException PortOutOfRange(int port) =>
        new("InvalidPermission.Malformed", $"TCP/UDP port ({port}) out of range");
    public static AwsException InvalidPortRange(int from, int to) =>
        new("InvalidParameterValue", $"Invalid TCP/UDP port range: from port {from} is greater than to port {to}.");
    public static AwsException InvalidIcmpType(int type) =>
        new("InvalidParameterValue", $"Invalid value '{type}' for icmp type. ICMP type must be between -1 and 255.");
    public static AwsException InvalidIcmpCode(int code) =>
        new("InvalidParameterValue", $"Invalid value '{code}' for icmp code. ICMP code must be between -1 and 255, and -1 when the type is -1.");
    public static AwsException InvalidCidrInRule(string value) =>
        new("InvalidParameterValue", $"CIDR block {value} is malformed");
    public static AwsException SecurityGroupRuleNotFound(string id) =>
        new("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{id}' does not exist");
    public static AwsException SecurityGroupRuleIdMalformed(string id) =>
        new("InvalidSecurityGroupRuleId.Malformed", $"Invalid security group rule ID '{id}'. The ID must be of the form sgr-xxxxxxxxxxxxxxxxx.");
    public static AwsException ReferencedGroupOtherVpc(string referencedId, string groupId) =>
        new("InvalidGroup.NotFound", $"You have specified two resources that belong to different networks. The security group '{referencedId}' is not in the VPC of '{groupId}'.");
    public static AwsException EgressLegacyParameters() =>
        new("InvalidParameterCombination", "The parameter CidrIp, IpProtocol, FromPort, ToPort, SourceSecurityGroupName or SourceSecurityGroupOwnerId is not supported for egress rules; use IpPermissions.");
    public static AwsException MultiplePeers() =>
        new("InvalidParameterCombination", "Only one of cidrIp, cidrIpv6, prefixListId, or referencedGroupId can be specified");
    public static AwsException PeerTypeChange(string ruleId) =>
        new("InvalidParameterValue", $"The peer type of security group rule {ruleId} cannot be changed.");
    public static AwsException PrefixListIdMalformed(string id) => Malformed("InvalidPrefixListId.Malformed", "pl", id);
    public static AwsException PrefixListNotFound(string id) =>
        new("InvalidPrefixListID.NotFound", $"The prefix list ID '{id}' does not exist");
    public static AwsException RuleNotInGroup(string ruleId, string groupId) =>
        new("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{ruleId}' does not exist in security group '{groupId}'");
    public static AwsException SecurityGroupRulesNotFound(IReadOnlyList<string> ids) =>
        ids.Count == 1 ? SecurityGroupRuleNotFound(ids[0]) : new("InvalidSecurityGroupRuleId.NotFound", $"The security group rule IDs '{string.Join("', '", ids)}' do not exist");
    public static AwsException GroupNameLooksLikeId(string name) => InvalidGroupName(name, "Group names may not be in the format sg-*.");
    public static AwsException GroupNameInvalid(string name) =>
        InvalidGroupName(name, $"Valid names are strings less than 256 characters from the following set:  {SecurityGroups.SecurityGroupText.GroupCharacters}");
    public static AwsException GroupDescriptionInvalid(string description) =>
        InvalidGroupDescription(description, $"Valid descriptions are strings less than 256 characters from the following set:  {SecurityGroups.SecurityGroupText.GroupCharacters}");
    public static AwsException InvalidRuleDescription(string description) =>
        new("InvalidParameterValue", $"Invalid rule description '{description}'. Valid descriptions are strings less than 256 characters from the following set:  {SecurityGroups.SecurityGroupText.RuleDescriptionCharacters}");
    public static AwsException ProtocolRequired() =>
        new("InvalidParameterValue", "Invalid value 'null' for protocol. VPC security group rules must specify protocols explicitly.");
    public static AwsException GroupNameOutsideDefaultVpc(string name) =>
        new("InvalidParameterValue", $"Invalid value '{name}' for groupName. You may not reference Amazon VPC security groups by name. Please use the corresponding id for this operation.");
    public static AwsException LegacySourceGroupCombination() =>
        new("InvalidParameterCombination", "The parameter SourceSecurityGroupName cannot be used with the parameters CidrIp, IpProtocol, FromPort or ToPort; it grants full ICMP, UDP and TCP access. Use IpPermissions for a specific protocol and port range.");
    public static AwsException LegacyWithIpPermissions() =>
        new("InvalidParameterCombination", "The parameters CidrIp, IpProtocol, FromPort, ToPort, SourceSecurityGroupName and SourceSecurityGroupOwnerId cannot be used with the parameter IpPermissions.");

    // Tags.
    public static AwsException InvalidTagKey(string message) => new("InvalidParameterValue", message);
    public static AwsException TagLimitExceeded(string resourceId) =>
        new("TagLimitExceeded", $"The maximum number of tags (50) for resource '{resourceId}' has been reached.");
    public static AwsException InvalidResourceId(string id) =>
        new("InvalidID", $"The ID '{id}' is not valid");
    public static AwsException InvalidTagResourceType(string type) =>
        new("InvalidParameterValue", $"'{type}' is not a valid taggable resource type for this operation.");

    // Network ACLs and route tables (read paths in this slice).
    public static AwsException NetworkAclNotFound(string id) => NetworkAclsNotFound([id]);
    public static AwsException NetworkAclsNotFound(IReadOnlyList<string> ids) => IdsNotFound("InvalidNetworkAclID.NotFound", "networkAcl", ids);
    public static AwsException NetworkAclIdMalformed(string id) => Malformed("InvalidNetworkAclId.Malformed", "acl", id);
    public static AwsException RouteTableNotFound(string id) => RouteTablesNotFound([id]);
    public static AwsException RouteTablesNotFound(IReadOnlyList<string> ids) => IdsNotFound("InvalidRouteTableID.NotFound", "routeTable", ids);
    public static AwsException RouteTableIdMalformed(string id) => Malformed("InvalidRouteTableId.Malformed", "rtb", id);
    public static AwsException InternetGatewayNotFound(string id) => InternetGatewaysNotFound([id]);
    public static AwsException InternetGatewaysNotFound(IReadOnlyList<string> ids) => IdsNotFound("InvalidInternetGatewayID.NotFound", "internetGateway", ids);
    public static AwsException InternetGatewayIdMalformed(string id) => Malformed("InvalidInternetGatewayId.Malformed", "igw", id);
    public static AwsException NetworkInterfaceNotFound(string id) => NetworkInterfacesNotFound([id]);
    public static AwsException NetworkInterfacesNotFound(IReadOnlyList<string> ids) => IdsNotFound("InvalidNetworkInterfaceID.NotFound", "networkInterface", ids);
    public static AwsException NetworkInterfaceIdMalformed(string id) => Malformed("InvalidNetworkInterfaceID.Malformed", "eni", id);

    // Regions.
    public static AwsException InvalidRegion(string region) =>
        new("InvalidParameterValue", $"Invalid region: {region}");
}
