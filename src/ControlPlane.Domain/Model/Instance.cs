namespace ControlPlane.Domain.Model;

/// <summary>
/// An EC2 instance as far as the network sees it: its interfaces (the primary at device index 0 is created with it),
/// state, and the attributes clients such as Terraform read back. Nothing runs. The root volume is derived, not stored.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Instance.html
/// </summary>
public sealed class Instance : Resource
{
    public required string ReservationId { get; init; }
    public required string ImageId { get; init; }
    public required string InstanceType { get; set; }
    public required string SubnetId { get; init; }
    public required string VpcId { get; init; }
    public required string AvailabilityZone { get; init; }

    /// <summary><c>pending</c>, <c>running</c>, <c>stopping</c>, <c>stopped</c>, <c>shutting-down</c>, <c>terminated</c>.</summary>
    public string State { get; set; } = "running";
    public string StateTransitionReason { get; set; } = "";
    public required DateTimeOffset LaunchTime { get; init; }
    public DateTimeOffset? TerminatedAt { get; set; }
    public string? KeyName { get; init; }
    public string Architecture { get; init; } = "x86_64";
    public string Tenancy { get; init; } = "default";
    public bool EbsOptimized { get; set; }
    public bool MonitoringEnabled { get; set; }
    public bool DisableApiTermination { get; set; }
    public bool DisableApiStop { get; set; }
    public string InstanceInitiatedShutdownBehavior { get; set; } = "stop";
    public string? UserData { get; set; }
    public string? CpuCredits { get; set; }
    public string? ClientToken { get; init; }
    public required string RootVolumeId { get; init; }
    public int RootVolumeSize { get; init; } = 8;
    public int AmiLaunchIndex { get; init; }
}
