using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ControlPlane.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Networking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_route_destination",
                table: "routes");

            migrationBuilder.AddColumn<string>(
                name: "Destination",
                table: "routes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DestinationPrefixListId",
                table: "routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EgressOnlyInternetGatewayId",
                table: "routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InstanceId",
                table: "routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NatGatewayId",
                table: "routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NetworkInterfaceId",
                table: "routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransitGatewayId",
                table: "routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VpcPeeringConnectionId",
                table: "routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "egress_only_internet_gateways",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    VpcId = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "managed_prefix_lists",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    PrefixListName = table.Column<string>(type: "TEXT", nullable: false),
                    AddressFamily = table.Column<string>(type: "TEXT", nullable: false),
                    MaxEntries = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_managed_prefix_lists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_interfaces",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    SubnetId = table.Column<string>(type: "TEXT", nullable: false),
                    VpcId = table.Column<string>(type: "TEXT", nullable: false),
                    AvailabilityZone = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    InterfaceType = table.Column<string>(type: "TEXT", nullable: false),
                    RequesterManaged = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequesterId = table.Column<string>(type: "TEXT", nullable: true),
                    ManagedByResourceId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    SourceDestCheck = table.Column<bool>(type: "INTEGER", nullable: false),
                    MacAddress = table.Column<string>(type: "TEXT", nullable: false),
                    AttachmentId = table.Column<string>(type: "TEXT", nullable: true),
                    AttachedInstanceId = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentInstanceOwnerId = table.Column<string>(type: "TEXT", nullable: true),
                    DeviceIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    NetworkCardIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    DeleteOnTermination = table.Column<bool>(type: "INTEGER", nullable: true),
                    AttachmentStatus = table.Column<string>(type: "TEXT", nullable: true),
                    AttachTime = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublicIp = table.Column<string>(type: "TEXT", nullable: true),
                    PublicIpOwnerId = table.Column<string>(type: "TEXT", nullable: true),
                    PublicIpAllocationId = table.Column<string>(type: "TEXT", nullable: true),
                    PublicIpAssociationId = table.Column<string>(type: "TEXT", nullable: true),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "managed_prefix_list_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PrefixListId = table.Column<string>(type: "TEXT", nullable: false),
                    Cidr = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    FromVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    ToVersion = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_managed_prefix_list_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_managed_prefix_list_entries_managed_prefix_lists_PrefixListId",
                        column: x => x.PrefixListId,
                        principalTable: "managed_prefix_lists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_interface_groups",
                columns: table => new
                {
                    NetworkInterfaceId = table.Column<string>(type: "TEXT", nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_interface_groups", x => new { x.NetworkInterfaceId, x.GroupId });
                    table.ForeignKey(
                        name: "FK_network_interface_groups_network_interfaces_NetworkInterfaceId",
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
                    NetworkInterfaceId = table.Column<string>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    SubnetId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_interface_ipv6_addresses", x => new { x.NetworkInterfaceId, x.Address });
                    table.ForeignKey(
                        name: "FK_network_interface_ipv6_addresses_network_interfaces_NetworkInterfaceId",
                        column: x => x.NetworkInterfaceId,
                        principalTable: "network_interfaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_interface_private_ips",
                columns: table => new
                {
                    NetworkInterfaceId = table.Column<string>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    SubnetId = table.Column<string>(type: "TEXT", nullable: false),
                    Primary = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_interface_private_ips", x => new { x.NetworkInterfaceId, x.Address });
                    table.ForeignKey(
                        name: "FK_network_interface_private_ips_network_interfaces_NetworkInterfaceId",
                        column: x => x.NetworkInterfaceId,
                        principalTable: "network_interfaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_route_destination",
                table: "routes",
                columns: new[] { "RouteTableId", "Destination" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_egress_only_internet_gateways_AccountId_Region_Id",
                table: "egress_only_internet_gateways",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_egress_only_internet_gateways_VpcId",
                table: "egress_only_internet_gateways",
                column: "VpcId");

            migrationBuilder.CreateIndex(
                name: "IX_managed_prefix_list_entries_PrefixListId_FromVersion",
                table: "managed_prefix_list_entries",
                columns: new[] { "PrefixListId", "FromVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_managed_prefix_lists_AccountId_Region_Id",
                table: "managed_prefix_lists",
                columns: new[] { "AccountId", "Region", "Id" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "egress_only_internet_gateways");

            migrationBuilder.DropTable(
                name: "managed_prefix_list_entries");

            migrationBuilder.DropTable(
                name: "network_interface_groups");

            migrationBuilder.DropTable(
                name: "network_interface_ipv6_addresses");

            migrationBuilder.DropTable(
                name: "network_interface_private_ips");

            migrationBuilder.DropTable(
                name: "managed_prefix_lists");

            migrationBuilder.DropTable(
                name: "network_interfaces");

            migrationBuilder.DropIndex(
                name: "ux_route_destination",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "Destination",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "DestinationPrefixListId",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "EgressOnlyInternetGatewayId",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "InstanceId",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "NatGatewayId",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "NetworkInterfaceId",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "TransitGatewayId",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "VpcPeeringConnectionId",
                table: "routes");

            migrationBuilder.CreateIndex(
                name: "ux_route_destination",
                table: "routes",
                columns: new[] { "RouteTableId", "DestinationCidrBlock", "DestinationIpv6CidrBlock" },
                unique: true);
        }
    }
}
