using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ControlPlane.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ServiceResources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "service_resources",
                columns: table => new
                {
                    Arn = table.Column<string>(type: "text", nullable: false),
                    Service = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    ResourceId = table.Column<string>(type: "text", nullable: true),
                    VpcId = table.Column<string>(type: "text", nullable: true),
                    ParentArn = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_resources", x => x.Arn);
                });

            migrationBuilder.CreateIndex(
                name: "IX_service_resources_AccountId_Region_ResourceId",
                table: "service_resources",
                columns: new[] { "AccountId", "Region", "ResourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_service_resources_AccountId_Region_Service_Kind_Name",
                table: "service_resources",
                columns: new[] { "AccountId", "Region", "Service", "Kind", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_resources_ParentArn",
                table: "service_resources",
                column: "ParentArn");

            migrationBuilder.CreateIndex(
                name: "IX_service_resources_VpcId",
                table: "service_resources",
                column: "VpcId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_resources");
        }
    }
}
