using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ControlPlane.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Gateways : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "nat_gateways",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    VpcId = table.Column<string>(type: "TEXT", nullable: false),
                    SubnetId = table.Column<string>(type: "TEXT", nullable: false),
                    ConnectivityType = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    NetworkInterfaceId = table.Column<string>(type: "TEXT", nullable: true),
                    AllocationId = table.Column<string>(type: "TEXT", nullable: true),
                    PrivateIp = table.Column<string>(type: "TEXT", nullable: true),
                    PublicIp = table.Column<string>(type: "TEXT", nullable: true),
                    CreateTime = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DeleteTime = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nat_gateways", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vpc_endpoints",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    VpcId = table.Column<string>(type: "TEXT", nullable: false),
                    ServiceName = table.Column<string>(type: "TEXT", nullable: false),
                    VpcEndpointType = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    PolicyDocument = table.Column<string>(type: "TEXT", nullable: true),
                    PrivateDnsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    IpAddressType = table.Column<string>(type: "TEXT", nullable: false),
                    CreationTimestamp = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vpc_endpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vpc_peering_connections",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    RequesterAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    RequesterRegion = table.Column<string>(type: "TEXT", nullable: false),
                    RequesterVpcId = table.Column<string>(type: "TEXT", nullable: false),
                    AccepterAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    AccepterRegion = table.Column<string>(type: "TEXT", nullable: false),
                    AccepterVpcId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    StatusMessage = table.Column<string>(type: "TEXT", nullable: false),
                    ExpirationTime = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RequesterAllowDnsResolutionFromRemoteVpc = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccepterAllowDnsResolutionFromRemoteVpc = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vpc_peering_connections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vpc_endpoint_route_tables",
                columns: table => new
                {
                    VpcEndpointId = table.Column<string>(type: "TEXT", nullable: false),
                    RouteTableId = table.Column<string>(type: "TEXT", nullable: false)
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
                    VpcEndpointId = table.Column<string>(type: "TEXT", nullable: false),
                    SubnetId = table.Column<string>(type: "TEXT", nullable: false),
                    NetworkInterfaceId = table.Column<string>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_nat_gateways_AccountId_Region_Id",
                table: "nat_gateways",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_nat_gateways_SubnetId",
                table: "nat_gateways",
                column: "SubnetId");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nat_gateways");

            migrationBuilder.DropTable(
                name: "vpc_endpoint_route_tables");

            migrationBuilder.DropTable(
                name: "vpc_endpoint_subnets");

            migrationBuilder.DropTable(
                name: "vpc_peering_connections");

            migrationBuilder.DropTable(
                name: "vpc_endpoints");
        }
    }
}
