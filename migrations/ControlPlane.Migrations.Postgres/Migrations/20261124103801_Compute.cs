using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ControlPlane.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Compute : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "elastic_ips");

            migrationBuilder.DropTable(
                name: "instances");
        }
    }
}
