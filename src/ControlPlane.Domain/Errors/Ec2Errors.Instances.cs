namespace ControlPlane.Domain.Errors;

/// <summary>
/// Instance, instance type, image and volume errors. Unknown and malformed instance ids live with the network interface
/// errors (<c>Ec2Errors.NetworkInterfaces.cs</c>), which AttachNetworkInterface needed first.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
/// </summary>
public static partial class Ec2Errors
{
    /// <summary>Real AWS text: "Invalid value 'x' for InstanceType." (RunInstances with an unknown type).</summary>
    public static AwsException UnknownInstanceType(string value) =>
        new("InvalidParameterValue", $"Invalid value '{value}' for InstanceType.");

    /// <summary>DescribeInstanceTypes with a type EC2 does not offer.</summary>
    public static AwsException InvalidInstanceType(IReadOnlyList<string> types) =>
        new("InvalidInstanceType", $"The following supplied instance types do not exist: [{string.Join(", ", types)}]");

    public static AwsException InstanceLimitExceeded(int limit) =>
        new("InstanceLimitExceeded", $"You have requested more instances than your current instance limit of {limit} allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.");

    /// <summary>Real AWS text (terraform-provider-aws#2981 and many others).</summary>
    public static AwsException CannotTerminateProtected(string id) =>
        new("OperationNotPermitted", $"The instance '{id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");

    public static AwsException CannotStopProtected(string id) =>
        new("OperationNotPermitted", $"The instance '{id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.");

    /// <summary>Real AWS text: "The instance 'i-…' is not in a state from which it can be started." and similar.</summary>
    public static AwsException IncorrectInstanceState(string id, string state) =>
        new("IncorrectInstanceState", $"The instance '{id}' is not in a state from which the requested operation can be performed (current state: {state}).");

    public static AwsException InstanceTypeChangeWhileRunning(string id) =>
        new("IncorrectInstanceState", $"The instance '{id}' is not in the 'stopped' state.");

    public static AwsException InvalidInstanceAttribute(string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter attribute is invalid. Unknown attribute.");

    /// <summary>ModifyInstanceAttribute with none or several attributes.</summary>
    public static AwsException OneInstanceAttribute() =>
        new("InvalidParameterCombination", "Exactly one attribute must be specified.");

    public static AwsException NetworkInterfacesWithSubnet() =>
        new("InvalidParameterCombination", "Network interfaces and an instance-level subnet ID may not be specified on the same request");

    public static AwsException NetworkInterfacesWithGroups() =>
        new("InvalidParameterCombination", "Network interfaces and an instance-level security groups may not be specified on the same request");

    public static AwsException NetworkInterfacesWithPrivateIp() =>
        new("InvalidParameterCombination", "Network interfaces and an instance-level private IP address should not be specified on the same request");

    public static AwsException GroupNameWithSubnet() =>
        new("InvalidParameterCombination", "The parameter groupName cannot be used with the parameter subnet");

    public static AwsException PrivateIpWithSeveralInstances() =>
        new("InvalidParameterCombination", "A private IP address can only be specified for a single instance launch (MaxCount must be 1).");

    public static AwsException InvalidCount(string parameter, int value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter {parameter} is invalid. Expected a positive integer.");

    public static AwsException MinCountAboveMaxCount() =>
        new("InvalidParameterValue", "The MinCount parameter must be less than or equal to the MaxCount parameter.");

    /// <summary>AttachNetworkInterface across zones or with a device index in use.</summary>
    public static AwsException DeviceIndexTaken(string instanceId, int index) =>
        new("InvalidParameterValue", $"Instance '{instanceId}' already has an interface attached at device index '{index}'.");

    public static AwsException InterfaceInOtherZone(string interfaceId, string instanceId) =>
        new("InvalidParameterValue", $"The network interface '{interfaceId}' and instance '{instanceId}' are not in the same availability zone.");

    public static AwsException InstanceNotAttachable(string instanceId, string state) =>
        new("IncorrectInstanceState", $"The instance '{instanceId}' is not in a valid state for this operation (current state: {state}).");

    // Images and volumes.
    public static AwsException ImagesNotFound(IReadOnlyList<string> ids) => IdsNotFound("InvalidAMIID.NotFound", "image", ids);
    public static AwsException ImageIdMalformed(string id) => Malformed("InvalidAMIID.Malformed", "ami", id);
    public static AwsException VolumesNotFound(IReadOnlyList<string> ids) => IdsNotFound("InvalidVolume.NotFound", "volume", ids);
    public static AwsException VolumeIdMalformed(string id) => Malformed("InvalidVolumeID.Malformed", "vol", id);
}
