using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ControlPlane.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "elastic_ips",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    PublicIp = table.Column<string>(type: "text", nullable: false),
                    NetworkBorderGroup = table.Column<string>(type: "text", nullable: false),
                    AssociationId = table.Column<string>(type: "text", nullable: true),
                    NetworkInterfaceId = table.Column<string>(type: "text", nullable: true),
                    PrivateIpAddress = table.Column<string>(type: "text", nullable: true),
                    InstanceId = table.Column<string>(type: "text", nullable: true),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_elastic_ips", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "managed_prefix_lists",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    PrefixListName = table.Column<string>(type: "text", nullable: false),
                    AddressFamily = table.Column<string>(type: "text", nullable: false),
                    MaxEntries = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_managed_prefix_lists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "nat_gateways",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    SubnetId = table.Column<string>(type: "text", nullable: false),
                    ConnectivityType = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    NetworkInterfaceId = table.Column<string>(type: "text", nullable: true),
                    AllocationId = table.Column<string>(type: "text", nullable: true),
                    PrivateIp = table.Column<string>(type: "text", nullable: true),
                    PublicIp = table.Column<string>(type: "text", nullable: true),
                    CreateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeleteTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nat_gateways", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scopes",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scopes", x => new { x.AccountId, x.Region });
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false),
                    ResourceId = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    ResourceType = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tags", x => new { x.AccountId, x.Region, x.ResourceId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "vpc_endpoints",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    ServiceName = table.Column<string>(type: "text", nullable: false),
                    VpcEndpointType = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    PolicyDocument = table.Column<string>(type: "text", nullable: true),
                    PrivateDnsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    IpAddressType = table.Column<string>(type: "text", nullable: false),
                    CreationTimestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vpc_endpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vpc_peering_connections",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    RequesterAccountId = table.Column<string>(type: "text", nullable: false),
                    RequesterRegion = table.Column<string>(type: "text", nullable: false),
                    RequesterVpcId = table.Column<string>(type: "text", nullable: false),
                    AccepterAccountId = table.Column<string>(type: "text", nullable: false),
                    AccepterRegion = table.Column<string>(type: "text", nullable: false),
                    AccepterVpcId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    StatusMessage = table.Column<string>(type: "text", nullable: false),
                    ExpirationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequesterAllowDnsResolutionFromRemoteVpc = table.Column<bool>(type: "boolean", nullable: false),
                    AccepterAllowDnsResolutionFromRemoteVpc = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vpc_peering_connections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vpcs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    CidrBlock = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    InstanceTenancy = table.Column<string>(type: "text", nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    DhcpOptionsId = table.Column<string>(type: "text", nullable: false),
                    EnableDnsSupport = table.Column<bool>(type: "boolean", nullable: false),
                    EnableDnsHostnames = table.Column<bool>(type: "boolean", nullable: false),
                    EnableNetworkAddressUsageMetrics = table.Column<bool>(type: "boolean", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vpcs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "managed_prefix_list_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrefixListId = table.Column<string>(type: "text", nullable: false),
                    Cidr = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    FromVersion = table.Column<long>(type: "bigint", nullable: false),
                    ToVersion = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_managed_prefix_list_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_managed_prefix_list_entries_managed_prefix_lists_PrefixList~",
                        column: x => x.PrefixListId,
                        principalTable: "managed_prefix_lists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vpc_endpoint_route_tables",
                columns: table => new
                {
                    VpcEndpointId = table.Column<string>(type: "text", nullable: false),
                    RouteTableId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vpc_endpoint_route_tables", x => new { x.VpcEndpointId, x.RouteTableId });
                    table.ForeignKey(
                        name: "FK_vpc_endpoint_route_tables_vpc_endpoints_VpcEndpointId",
                        column: x => x.VpcEndpointId,
                        principalTable: "vpc_endpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vpc_endpoint_subnets",
                columns: table => new
                {
                    VpcEndpointId = table.Column<string>(type: "text", nullable: false),
                    SubnetId = table.Column<string>(type: "text", nullable: false),
                    NetworkInterfaceId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vpc_endpoint_subnets", x => new { x.VpcEndpointId, x.SubnetId });
                    table.ForeignKey(
                        name: "FK_vpc_endpoint_subnets_vpc_endpoints_VpcEndpointId",
                        column: x => x.VpcEndpointId,
                        principalTable: "vpc_endpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "egress_only_internet_gateways",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_egress_only_internet_gateways", x => x.Id);
                    table.ForeignKey(
                        name: "FK_egress_only_internet_gateways_vpcs_VpcId",
                        column: x => x.VpcId,
                        principalTable: "vpcs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "internet_gateways",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AttachedVpcId = table.Column<string>(type: "text", nullable: true),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_internet_gateways", x => x.Id);
                    table.ForeignKey(
                        name: "FK_internet_gateways_vpcs_AttachedVpcId",
                        column: x => x.AttachedVpcId,
                        principalTable: "vpcs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_acls",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_acls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_acls_vpcs_VpcId",
                        column: x => x.VpcId,
                        principalTable: "vpcs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "route_tables",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_route_tables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_route_tables_vpcs_VpcId",
                        column: x => x.VpcId,
                        principalTable: "vpcs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "security_groups",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    GroupName = table.Column<string>(type: "text", nullable: false),
                    NormalizedName = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_security_groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_security_groups_vpcs_VpcId",
                        column: x => x.VpcId,
                        principalTable: "vpcs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subnets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    CidrBlock = table.Column<string>(type: "text", nullable: false),
                    AvailabilityZone = table.Column<string>(type: "text", nullable: false),
                    AvailabilityZoneId = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    DefaultForAz = table.Column<bool>(type: "boolean", nullable: false),
                    MapPublicIpOnLaunch = table.Column<bool>(type: "boolean", nullable: false),
                    AssignIpv6AddressOnCreation = table.Column<bool>(type: "boolean", nullable: false),
                    MapCustomerOwnedIpOnLaunch = table.Column<bool>(type: "boolean", nullable: false),
                    EnableDns64 = table.Column<bool>(type: "boolean", nullable: false),
                    Ipv6Native = table.Column<bool>(type: "boolean", nullable: false),
                    PrivateDnsHostnameTypeOnLaunch = table.Column<string>(type: "text", nullable: false),
                    EnableResourceNameDnsARecordOnLaunch = table.Column<bool>(type: "boolean", nullable: false),
                    EnableResourceNameDnsAaaaRecordOnLaunch = table.Column<bool>(type: "boolean", nullable: false),
                    EnableLniAtDeviceIndex = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subnets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subnets_vpcs_VpcId",
                        column: x => x.VpcId,
                        principalTable: "vpcs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vpc_cidr_blocks",
                columns: table => new
                {
                    AssociationId = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    Cidr = table.Column<string>(type: "text", nullable: false),
                    IsIpv6 = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    Ipv6Pool = table.Column<string>(type: "text", nullable: true),
                    NetworkBorderGroup = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vpc_cidr_blocks", x => x.AssociationId);
                    table.ForeignKey(
                        name: "FK_vpc_cidr_blocks_vpcs_VpcId",
                        column: x => x.VpcId,
                        principalTable: "vpcs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_acl_entries",
                columns: table => new
                {
                    NetworkAclId = table.Column<string>(type: "text", nullable: false),
                    RuleNumber = table.Column<int>(type: "integer", nullable: false),
                    Egress = table.Column<bool>(type: "boolean", nullable: false),
                    Protocol = table.Column<string>(type: "text", nullable: false),
                    RuleAction = table.Column<string>(type: "text", nullable: false),
                    CidrBlock = table.Column<string>(type: "text", nullable: true),
                    Ipv6CidrBlock = table.Column<string>(type: "text", nullable: true),
                    IcmpType = table.Column<int>(type: "integer", nullable: true),
                    IcmpCode = table.Column<int>(type: "integer", nullable: true),
                    PortFrom = table.Column<int>(type: "integer", nullable: true),
                    PortTo = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_acl_entries", x => new { x.NetworkAclId, x.Egress, x.RuleNumber });
                    table.ForeignKey(
                        name: "FK_network_acl_entries_network_acls_NetworkAclId",
                        column: x => x.NetworkAclId,
                        principalTable: "network_acls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "routes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RouteTableId = table.Column<string>(type: "text", nullable: false),
                    Destination = table.Column<string>(type: "text", nullable: false),
                    DestinationCidrBlock = table.Column<string>(type: "text", nullable: true),
                    DestinationIpv6CidrBlock = table.Column<string>(type: "text", nullable: true),
                    DestinationPrefixListId = table.Column<string>(type: "text", nullable: true),
                    GatewayId = table.Column<string>(type: "text", nullable: true),
                    EgressOnlyInternetGatewayId = table.Column<string>(type: "text", nullable: true),
                    NatGatewayId = table.Column<string>(type: "text", nullable: true),
                    NetworkInterfaceId = table.Column<string>(type: "text", nullable: true),
                    InstanceId = table.Column<string>(type: "text", nullable: true),
                    VpcPeeringConnectionId = table.Column<string>(type: "text", nullable: true),
                    TransitGatewayId = table.Column<string>(type: "text", nullable: true),
                    Origin = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_routes_route_tables_RouteTableId",
                        column: x => x.RouteTableId,
                        principalTable: "route_tables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "security_group_rules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    GroupId = table.Column<string>(type: "text", nullable: false),
                    IsEgress = table.Column<bool>(type: "boolean", nullable: false),
                    Protocol = table.Column<int>(type: "integer", nullable: false),
                    FromPort = table.Column<int>(type: "integer", nullable: true),
                    ToPort = table.Column<int>(type: "integer", nullable: true),
                    CidrIpv4 = table.Column<string>(type: "text", nullable: true),
                    CidrIpv6 = table.Column<string>(type: "text", nullable: true),
                    PrefixListId = table.Column<string>(type: "text", nullable: true),
                    ReferencedGroupId = table.Column<string>(type: "text", nullable: true),
                    ReferencedUserId = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Identity = table.Column<string>(type: "text", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_security_group_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_security_group_rules_security_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "security_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_security_group_rules_security_groups_ReferencedGroupId",
                        column: x => x.ReferencedGroupId,
                        principalTable: "security_groups",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "instances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    ReservationId = table.Column<string>(type: "text", nullable: false),
                    ImageId = table.Column<string>(type: "text", nullable: false),
                    InstanceType = table.Column<string>(type: "text", nullable: false),
                    SubnetId = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    AvailabilityZone = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    StateTransitionReason = table.Column<string>(type: "text", nullable: false),
                    LaunchTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TerminatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    KeyName = table.Column<string>(type: "text", nullable: true),
                    Architecture = table.Column<string>(type: "text", nullable: false),
                    Tenancy = table.Column<string>(type: "text", nullable: false),
                    EbsOptimized = table.Column<bool>(type: "boolean", nullable: false),
                    MonitoringEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    DisableApiTermination = table.Column<bool>(type: "boolean", nullable: false),
                    DisableApiStop = table.Column<bool>(type: "boolean", nullable: false),
                    InstanceInitiatedShutdownBehavior = table.Column<string>(type: "text", nullable: false),
                    UserData = table.Column<string>(type: "text", nullable: true),
                    CpuCredits = table.Column<string>(type: "text", nullable: true),
                    ClientToken = table.Column<string>(type: "text", nullable: true),
                    RootVolumeId = table.Column<string>(type: "text", nullable: false),
                    RootVolumeSize = table.Column<int>(type: "integer", nullable: false),
                    AmiLaunchIndex = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_instances_subnets_SubnetId",
                        column: x => x.SubnetId,
                        principalTable: "subnets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_acl_associations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    NetworkAclId = table.Column<string>(type: "text", nullable: false),
                    SubnetId = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_acl_associations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_acl_associations_network_acls_NetworkAclId",
                        column: x => x.NetworkAclId,
                        principalTable: "network_acls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_network_acl_associations_subnets_SubnetId",
                        column: x => x.SubnetId,
                        principalTable: "subnets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_interfaces",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SubnetId = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    AvailabilityZone = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    InterfaceType = table.Column<string>(type: "text", nullable: false),
                    RequesterManaged = table.Column<bool>(type: "boolean", nullable: false),
                    RequesterId = table.Column<string>(type: "text", nullable: true),
                    ManagedByResourceId = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "text", nullable: false),
                    SourceDestCheck = table.Column<bool>(type: "boolean", nullable: false),
                    MacAddress = table.Column<string>(type: "text", nullable: false),
                    AttachmentId = table.Column<string>(type: "text", nullable: true),
                    AttachedInstanceId = table.Column<string>(type: "text", nullable: true),
                    AttachmentInstanceOwnerId = table.Column<string>(type: "text", nullable: true),
                    DeviceIndex = table.Column<int>(type: "integer", nullable: true),
                    NetworkCardIndex = table.Column<int>(type: "integer", nullable: true),
                    DeleteOnTermination = table.Column<bool>(type: "boolean", nullable: true),
                    AttachmentStatus = table.Column<string>(type: "text", nullable: true),
                    AttachTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublicIp = table.Column<string>(type: "text", nullable: true),
                    PublicIpOwnerId = table.Column<string>(type: "text", nullable: true),
                    PublicIpAllocationId = table.Column<string>(type: "text", nullable: true),
                    PublicIpAssociationId = table.Column<string>(type: "text", nullable: true),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_interfaces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_interfaces_subnets_SubnetId",
                        column: x => x.SubnetId,
                        principalTable: "subnets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "route_table_associations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    RouteTableId = table.Column<string>(type: "text", nullable: false),
                    SubnetId = table.Column<string>(type: "text", nullable: true),
                    GatewayId = table.Column<string>(type: "text", nullable: true),
                    Main = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_route_table_associations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_route_table_associations_route_tables_RouteTableId",
                        column: x => x.RouteTableId,
                        principalTable: "route_tables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_route_table_associations_subnets_SubnetId",
                        column: x => x.SubnetId,
                        principalTable: "subnets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subnet_ipv6_cidr_blocks",
                columns: table => new
                {
                    AssociationId = table.Column<string>(type: "text", nullable: false),
                    SubnetId = table.Column<string>(type: "text", nullable: false),
                    Cidr = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subnet_ipv6_cidr_blocks", x => x.AssociationId);
                    table.ForeignKey(
                        name: "FK_subnet_ipv6_cidr_blocks_subnets_SubnetId",
                        column: x => x.SubnetId,
                        principalTable: "subnets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_interface_groups",
                columns: table => new
                {
                    NetworkInterfaceId = table.Column<string>(type: "text", nullable: false),
                    GroupId = table.Column<string>(type: "text", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_interface_groups", x => new { x.NetworkInterfaceId, x.GroupId });
                    table.ForeignKey(
                        name: "FK_network_interface_groups_network_interfaces_NetworkInterfac~",
                        column: x => x.NetworkInterfaceId,
                        principalTable: "network_interfaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_interface_groups_security_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "security_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_interface_ipv6_addresses",
                columns: table => new
                {
                    NetworkInterfaceId = table.Column<string>(type: "text", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: false),
                    SubnetId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_interface_ipv6_addresses", x => new { x.NetworkInterfaceId, x.Address });
                    table.ForeignKey(
                        name: "FK_network_interface_ipv6_addresses_network_interfaces_Network~",
                        column: x => x.NetworkInterfaceId,
                        principalTable: "network_interfaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_interface_private_ips",
                columns: table => new
                {
                    NetworkInterfaceId = table.Column<string>(type: "text", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: false),
                    SubnetId = table.Column<string>(type: "text", nullable: false),
                    Primary = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_interface_private_ips", x => new { x.NetworkInterfaceId, x.Address });
                    table.ForeignKey(
                        name: "FK_network_interface_private_ips_network_interfaces_NetworkInt~",
                        column: x => x.NetworkInterfaceId,
                        principalTable: "network_interfaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_egress_only_internet_gateways_AccountId_Region_Id",
                table: "egress_only_internet_gateways",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_egress_only_internet_gateways_VpcId",
                table: "egress_only_internet_gateways",
                column: "VpcId");

            migrationBuilder.CreateIndex(
                name: "IX_elastic_ips_AccountId_Region_Id",
                table: "elastic_ips",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_elastic_ips_NetworkInterfaceId",
                table: "elastic_ips",
                column: "NetworkInterfaceId");

            migrationBuilder.CreateIndex(
                name: "ux_elastic_ip_public_ip",
                table: "elastic_ips",
                column: "PublicIp",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_instances_AccountId_Region_Id",
                table: "instances",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_instances_SubnetId",
                table: "instances",
                column: "SubnetId");

            migrationBuilder.CreateIndex(
                name: "IX_internet_gateways_AccountId_Region_Id",
                table: "internet_gateways",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_internet_gateways_AttachedVpcId",
                table: "internet_gateways",
                column: "AttachedVpcId");

            migrationBuilder.CreateIndex(
                name: "IX_managed_prefix_list_entries_PrefixListId_FromVersion",
                table: "managed_prefix_list_entries",
                columns: new[] { "PrefixListId", "FromVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_managed_prefix_lists_AccountId_Region_Id",
                table: "managed_prefix_lists",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_nat_gateways_AccountId_Region_Id",
                table: "nat_gateways",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_nat_gateways_SubnetId",
                table: "nat_gateways",
                column: "SubnetId");

            migrationBuilder.CreateIndex(
                name: "IX_network_acl_associations_NetworkAclId",
                table: "network_acl_associations",
                column: "NetworkAclId");

            migrationBuilder.CreateIndex(
                name: "ux_network_acl_association_subnet",
                table: "network_acl_associations",
                column: "SubnetId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_acls_AccountId_Region_Id",
                table: "network_acls",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_network_acls_VpcId",
                table: "network_acls",
                column: "VpcId");

            migrationBuilder.CreateIndex(
                name: "IX_network_interface_groups_GroupId",
                table: "network_interface_groups",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "ux_ipv6_address_subnet",
                table: "network_interface_ipv6_addresses",
                columns: new[] { "SubnetId", "Address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_private_ip_subnet",
                table: "network_interface_private_ips",
                columns: new[] { "SubnetId", "Address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_interfaces_AccountId_Region_Id",
                table: "network_interfaces",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_network_interfaces_AttachedInstanceId",
                table: "network_interfaces",
                column: "AttachedInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_network_interfaces_SubnetId",
                table: "network_interfaces",
                column: "SubnetId");

            migrationBuilder.CreateIndex(
                name: "IX_route_table_associations_RouteTableId",
                table: "route_table_associations",
                column: "RouteTableId");

            migrationBuilder.CreateIndex(
                name: "ux_route_table_association_subnet",
                table: "route_table_associations",
                column: "SubnetId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_route_tables_AccountId_Region_Id",
                table: "route_tables",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_route_tables_VpcId",
                table: "route_tables",
                column: "VpcId");

            migrationBuilder.CreateIndex(
                name: "ux_route_destination",
                table: "routes",
                columns: new[] { "RouteTableId", "Destination" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_security_group_rules_ReferencedGroupId",
                table: "security_group_rules",
                column: "ReferencedGroupId");

            migrationBuilder.CreateIndex(
                name: "ux_security_group_rule",
                table: "security_group_rules",
                columns: new[] { "GroupId", "IsEgress", "Identity" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_security_groups_AccountId_Region_Id",
                table: "security_groups",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "ux_security_group_name",
                table: "security_groups",
                columns: new[] { "VpcId", "NormalizedName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subnet_ipv6_cidr_blocks_SubnetId",
                table: "subnet_ipv6_cidr_blocks",
                column: "SubnetId");

            migrationBuilder.CreateIndex(
                name: "IX_subnets_AccountId_Region_Id",
                table: "subnets",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "ux_subnet_cidr",
                table: "subnets",
                columns: new[] { "VpcId", "CidrBlock" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tags_AccountId_Region_Key",
                table: "tags",
                columns: new[] { "AccountId", "Region", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_tags_ResourceId",
                table: "tags",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "ux_vpc_cidr",
                table: "vpc_cidr_blocks",
                columns: new[] { "VpcId", "Cidr" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vpc_endpoints_AccountId_Region_Id",
                table: "vpc_endpoints",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_vpc_endpoints_VpcId",
                table: "vpc_endpoints",
                column: "VpcId");

            migrationBuilder.CreateIndex(
                name: "IX_vpc_peering_connections_AccepterAccountId_AccepterRegion",
                table: "vpc_peering_connections",
                columns: new[] { "AccepterAccountId", "AccepterRegion" });

            migrationBuilder.CreateIndex(
                name: "IX_vpc_peering_connections_RequesterAccountId_RequesterRegion",
                table: "vpc_peering_connections",
                columns: new[] { "RequesterAccountId", "RequesterRegion" });

            migrationBuilder.CreateIndex(
                name: "IX_vpcs_AccountId_Region_Id",
                table: "vpcs",
                columns: new[] { "AccountId", "Region", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "egress_only_internet_gateways");

            migrationBuilder.DropTable(
                name: "elastic_ips");

            migrationBuilder.DropTable(
                name: "instances");

            migrationBuilder.DropTable(
                name: "internet_gateways");

            migrationBuilder.DropTable(
                name: "managed_prefix_list_entries");

            migrationBuilder.DropTable(
                name: "nat_gateways");

            migrationBuilder.DropTable(
                name: "network_acl_associations");

            migrationBuilder.DropTable(
                name: "network_acl_entries");

            migrationBuilder.DropTable(
                name: "network_interface_groups");

            migrationBuilder.DropTable(
                name: "network_interface_ipv6_addresses");

            migrationBuilder.DropTable(
                name: "network_interface_private_ips");

            migrationBuilder.DropTable(
                name: "route_table_associations");

            migrationBuilder.DropTable(
                name: "routes");

            migrationBuilder.DropTable(
                name: "scopes");

            migrationBuilder.DropTable(
                name: "security_group_rules");

            migrationBuilder.DropTable(
                name: "subnet_ipv6_cidr_blocks");

            migrationBuilder.DropTable(
                name: "tags");

            migrationBuilder.DropTable(
                name: "vpc_cidr_blocks");

            migrationBuilder.DropTable(
                name: "vpc_endpoint_route_tables");

            migrationBuilder.DropTable(
                name: "vpc_endpoint_subnets");

            migrationBuilder.DropTable(
                name: "vpc_peering_connections");

            migrationBuilder.DropTable(
                name: "managed_prefix_lists");

            migrationBuilder.DropTable(
                name: "network_acls");

            migrationBuilder.DropTable(
                name: "network_interfaces");

            migrationBuilder.DropTable(
                name: "route_tables");

            migrationBuilder.DropTable(
                name: "security_groups");

            migrationBuilder.DropTable(
                name: "vpc_endpoints");

            migrationBuilder.DropTable(
                name: "subnets");

            migrationBuilder.DropTable(
                name: "vpcs");
        }
    }
}
