using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ControlPlane.Migrations.Sqlite.Migrations
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
                    Arn = table.Column<string>(type: "TEXT", nullable: false),
                    Service = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", nullable: true),
                    VpcId = table.Column<string>(type: "TEXT", nullable: true),
                    ParentArn = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false)
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
