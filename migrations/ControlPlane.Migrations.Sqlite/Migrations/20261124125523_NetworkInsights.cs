using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ControlPlane.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NetworkInsights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_insights_paths",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SourceArn = table.Column<string>(type: "TEXT", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", nullable: true),
                    DestinationArn = table.Column<string>(type: "TEXT", nullable: true),
                    SourceIp = table.Column<string>(type: "TEXT", nullable: true),
                    DestinationIp = table.Column<string>(type: "TEXT", nullable: true),
                    Protocol = table.Column<string>(type: "TEXT", nullable: false),
                    DestinationPort = table.Column<int>(type: "INTEGER", nullable: true),
                    FilterAtSource = table.Column<string>(type: "TEXT", nullable: true),
                    FilterAtDestination = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedDate = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_insights_paths", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_insights_analyses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    NetworkInsightsPathId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    StatusMessage = table.Column<string>(type: "TEXT", nullable: true),
                    NetworkPathFound = table.Column<bool>(type: "INTEGER", nullable: true),
                    StartDate = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_insights_analyses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_insights_analyses_network_insights_paths_NetworkInsightsPathId",
                        column: x => x.NetworkInsightsPathId,
                        principalTable: "network_insights_paths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_network_insights_analyses_AccountId_Region_Id",
                table: "network_insights_analyses",
                columns: new[] { "AccountId", "Region", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_network_insights_analyses_NetworkInsightsPathId",
                table: "network_insights_analyses",
                column: "NetworkInsightsPathId");

            migrationBuilder.CreateIndex(
                name: "IX_network_insights_paths_AccountId_Region_Id",
                table: "network_insights_paths",
                columns: new[] { "AccountId", "Region", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_insights_analyses");

            migrationBuilder.DropTable(
                name: "network_insights_paths");
        }
    }
}
