namespace ControlPlane.Application.Pipeline;

/// <summary>The <c>ControlPlane</c> configuration section.</summary>
public sealed class ControlPlaneOptions
{
    public const string Section = "ControlPlane";
    public const string DefaultAccount = "000000000000";
    public const string DefaultRegionName = "us-east-1";

    /// <summary>Account used when the access key is not a 12-digit account id, and for unsigned requests.</summary>
    public string DefaultAccountId { get; set; } = DefaultAccount;

    /// <summary>Region used for unsigned requests (curl) and when a signature names none.</summary>
    public string DefaultRegion { get; set; } = DefaultRegionName;

    public QuotaOptions Quotas { get; set; } = new();
}

/// <summary>AWS's default quotas; each is adjustable here as in Service Quotas.
/// https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html</summary>
public sealed class QuotaOptions
{
    public int VpcsPerRegion { get; set; } = 5;
    public int SubnetsPerVpc { get; set; } = 200;
    public int Ipv4CidrBlocksPerVpc { get; set; } = 5;
    public int Ipv6CidrBlocksPerVpc { get; set; } = 5;
    public int SecurityGroupsPerRegion { get; set; } = 2500;

    /// <summary>Inbound or outbound rules per security group, counted separately for IPv4 and IPv6.</summary>
    public int RulesPerSecurityGroup { get; set; } = 60;
    public int TagsPerResource { get; set; } = 50;

    public int NetworkAclsPerVpc { get; set; } = 200;

    /// <summary>Rules per network ACL per direction, counted separately for IPv4 and IPv6 (the * rules included).</summary>
    public int NetworkAclEntriesPerDirection { get; set; } = 20;
    public int RouteTablesPerVpc { get; set; } = 200;
    public int RoutesPerRouteTable { get; set; } = 50;
    public int InternetGatewaysPerRegion { get; set; } = 5;
    public int EgressOnlyInternetGatewaysPerRegion { get; set; } = 5;
    public int NetworkInterfacesPerRegion { get; set; } = 5000;
    public int SecurityGroupsPerInterface { get; set; } = 5;
    public int PrefixListsPerRegion { get; set; } = 100;
    public int PrefixListMaxEntries { get; set; } = 1000;

    /// <summary>Running On-Demand instances (AWS counts vCPUs; the emulator counts instances).</summary>
    public int InstancesPerRegion { get; set; } = 20;
    public int ElasticIpsPerRegion { get; set; } = 5;
    public int NatGatewaysPerAvailabilityZone { get; set; } = 5;
    public int VpcEndpointsPerVpc { get; set; } = 50;
    public int ActiveVpcPeeringConnectionsPerVpc { get; set; } = 50;
    public int PendingVpcPeeringConnectionsPerVpc { get; set; } = 25;

    /// <summary>Reachability Analyzer paths and analyses (service "Network Insights" in Service Quotas).
    /// https://docs.aws.amazon.com/vpc/latest/reachability/reachability-analyzer-limits.html</summary>
    public int NetworkInsightsPathsPerRegion { get; set; } = 1000;
    public int NetworkInsightsAnalysesPerRegion { get; set; } = 10000;
}
