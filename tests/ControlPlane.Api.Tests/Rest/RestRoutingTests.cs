using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary>Route tables with routes and associations, internet, egress-only and NAT gateways over HTTP, on both stores.</summary>
public abstract class RestRoutingTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : RestRoutingTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : RestRoutingTests(e);

    private readonly RestClient _rest = emulator.Rest();

    private async Task<(string Vpc, string Subnet)> NewNetworkAsync()
    {
        var vpc = (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = "10.0.0.0/16", amazonProvidedIpv6CidrBlock = true })).Ok(HttpStatusCode.Created).Str("vpcId");
        var subnet = (await _rest.PostAsync("/api/v1/subnets", new { vpcId = vpc, cidrBlock = "10.0.1.0/24" })).Ok(HttpStatusCode.Created).Str("subnetId");
        return (vpc, subnet);
    }

    private async Task<string> NewGatewayAsync(string vpc)
    {
        var igw = (await _rest.PostAsync("/api/v1/internet-gateways", new { })).Ok(HttpStatusCode.Created).Str("internetGatewayId");
        (await _rest.PostAsync($"/api/v1/internet-gateways/{igw}/attachments", new { vpcId = vpc })).Ok();
        return igw;
    }

    private static JsonNode? Route(JsonNode table, string destination) =>
        table.Arr("routes").FirstOrDefault(r => r!["destinationCidrBlock"]?.GetValue<string>() == destination);

    [Fact]
    public async Task A_route_table_is_created_read_listed_and_deleted()
    {
        var (vpc, _) = await NewNetworkAsync();
        var created = await _rest.PostAsync("/api/v1/route-tables", new { vpcId = vpc });
        var table = created.Ok(HttpStatusCode.Created);
        var id = table.Str("routeTableId");
        Assert.Equal($"/api/v1/route-tables/{id}", created.Location);
        Assert.Equal("local", Route(table, "10.0.0.0/16").Str("gatewayId"));

        Assert.Equal(vpc, (await _rest.GetAsync($"/api/v1/route-tables/{id}")).Ok().Str("vpcId"));
        var listed = (await _rest.GetAsync($"/api/v1/route-tables?vpc-id={vpc}")).Ok().Arr("routeTables");
        Assert.Equal(2, listed.Count); // with the main table
        Assert.Equal(id, Assert.Single((await _rest.GetAsync($"/api/v1/route-tables?route-table-id={id}")).Ok().Arr("routeTables")).Str("routeTableId"));

        (await _rest.DeleteAsync($"/api/v1/route-tables/{id}")).NoContent();
        (await _rest.GetAsync($"/api/v1/route-tables/{id}")).Problem(HttpStatusCode.NotFound, "InvalidRouteTableID.NotFound");
    }

    [Fact]
    public async Task Routes_are_created_replaced_and_deleted()
    {
        var (vpc, subnet) = await NewNetworkAsync();
        var igw = await NewGatewayAsync(vpc);
        var eni = (await _rest.PostAsync("/api/v1/network-interfaces", new { subnetId = subnet })).Ok(HttpStatusCode.Created).Str("networkInterfaceId");
        var id = (await _rest.PostAsync("/api/v1/route-tables", new { vpcId = vpc })).Ok(HttpStatusCode.Created).Str("routeTableId");

        var withRoute = (await _rest.PostAsync($"/api/v1/route-tables/{id}/routes", new { destinationCidrBlock = "0.0.0.0/0", gatewayId = igw })).Ok();
        Assert.Equal(igw, Route(withRoute, "0.0.0.0/0").Str("gatewayId"));
        (await _rest.PostAsync($"/api/v1/route-tables/{id}/routes", new { destinationCidrBlock = "0.0.0.0/0", networkInterfaceId = eni }))
            .Problem(HttpStatusCode.Conflict, "RouteAlreadyExists");

        var replaced = (await _rest.PutAsync($"/api/v1/route-tables/{id}/routes", new { destinationCidrBlock = "0.0.0.0/0", networkInterfaceId = eni })).Ok();
        Assert.Equal(eni, Route(replaced, "0.0.0.0/0").Str("networkInterfaceId"));

        var deleted = (await _rest.DeleteAsync($"/api/v1/route-tables/{id}/routes?destinationCidrBlock=0.0.0.0/0")).Ok();
        Assert.Null(Route(deleted, "0.0.0.0/0"));
        (await _rest.DeleteAsync($"/api/v1/route-tables/{id}/routes?destinationCidrBlock=0.0.0.0/0")).Problem(HttpStatusCode.NotFound, "InvalidRoute.NotFound");
        (await _rest.DeleteAsync($"/api/v1/route-tables/{id}/routes?nope=1")).Problem(HttpStatusCode.BadRequest, "UnknownParameter");
        (await _rest.PostAsync($"/api/v1/route-tables/{id}/routes", new { destinationCidrBlock = "0.0.0.0/0", gatewayId = "igw-0123456789abcdef0" }))
            .Problem(HttpStatusCode.NotFound, "InvalidGatewayID.NotFound");
    }

    [Fact]
    public async Task Associations_are_made_moved_and_removed()
    {
        var (vpc, subnet) = await NewNetworkAsync();
        var id = (await _rest.PostAsync("/api/v1/route-tables", new { vpcId = vpc })).Ok(HttpStatusCode.Created).Str("routeTableId");
        var other = (await _rest.PostAsync("/api/v1/route-tables", new { vpcId = vpc })).Ok(HttpStatusCode.Created).Str("routeTableId");

        var associated = (await _rest.PostAsync($"/api/v1/route-tables/{id}/associations", new { subnetId = subnet })).Ok();
        var association = associated.Str("associationId");
        Assert.Equal("associated", associated["associationState"].Str("state"));
        (await _rest.PostAsync($"/api/v1/route-tables/{other}/associations", new { subnetId = subnet })).Problem(HttpStatusCode.Conflict, "Resource.AlreadyAssociated");
        (await _rest.DeleteAsync($"/api/v1/route-tables/{id}")).Problem(HttpStatusCode.Conflict, "DependencyViolation");

        var moved = (await _rest.PutAsync($"/api/v1/route-table-associations/{association}", new { routeTableId = other })).Ok();
        var newAssociation = moved.Str("newAssociationId");
        Assert.Equal(subnet, Assert.Single((await _rest.GetAsync($"/api/v1/route-tables/{other}")).Ok().Arr("associations")).Str("subnetId"));

        (await _rest.DeleteAsync($"/api/v1/route-table-associations/{newAssociation}")).NoContent();
        Assert.Empty((await _rest.GetAsync($"/api/v1/route-tables/{other}")).Ok().Arr("associations"));
        (await _rest.DeleteAsync($"/api/v1/route-table-associations/{newAssociation}")).Problem(HttpStatusCode.NotFound, "InvalidAssociationID.NotFound");
    }

    [Fact]
    public async Task Internet_gateways_are_created_attached_detached_and_deleted()
    {
        var (vpc, _) = await NewNetworkAsync();
        var created = await _rest.PostAsync("/api/v1/internet-gateways", new { });
        var id = created.Ok(HttpStatusCode.Created).Str("internetGatewayId");
        Assert.Equal($"/api/v1/internet-gateways/{id}", created.Location);
        Assert.Empty((await _rest.GetAsync($"/api/v1/internet-gateways/{id}")).Ok().Arr("attachments"));

        var attached = (await _rest.PostAsync($"/api/v1/internet-gateways/{id}/attachments", new { vpcId = vpc })).Ok();
        Assert.Equal(vpc, Assert.Single(attached.Arr("attachments")).Str("vpcId"));
        var listed = (await _rest.GetAsync($"/api/v1/internet-gateways?attachment.vpc-id={vpc}")).Ok().Arr("internetGateways");
        Assert.Equal(id, Assert.Single(listed).Str("internetGatewayId"));
        (await _rest.DeleteAsync($"/api/v1/internet-gateways/{id}")).Problem(HttpStatusCode.Conflict, "DependencyViolation");
        var second = (await _rest.PostAsync("/api/v1/internet-gateways", new { })).Ok(HttpStatusCode.Created).Str("internetGatewayId");
        (await _rest.PostAsync($"/api/v1/internet-gateways/{second}/attachments", new { vpcId = vpc })).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");

        var detached = (await _rest.DeleteAsync($"/api/v1/internet-gateways/{id}/attachments/{vpc}")).Ok();
        Assert.Empty(detached.Arr("attachments"));
        (await _rest.DeleteAsync($"/api/v1/internet-gateways/{id}/attachments/{vpc}")).Problem(HttpStatusCode.BadRequest, "Gateway.NotAttached");
        (await _rest.DeleteAsync($"/api/v1/internet-gateways/{id}")).NoContent();
        (await _rest.GetAsync($"/api/v1/internet-gateways/{id}")).Problem(HttpStatusCode.NotFound, "InvalidInternetGatewayID.NotFound");
    }

    [Fact]
    public async Task Egress_only_and_nat_gateways_are_created_read_listed_and_deleted()
    {
        var (vpc, subnet) = await NewNetworkAsync();
        var eigw = (await _rest.PostAsync("/api/v1/egress-only-internet-gateways", new { vpcId = vpc })).Ok(HttpStatusCode.Created);
        var eigwId = eigw.Str("egressOnlyInternetGatewayId");
        Assert.Equal(vpc, (await _rest.GetAsync($"/api/v1/egress-only-internet-gateways/{eigwId}")).Ok().Arr("attachments")[0].Str("vpcId"));
        Assert.Single((await _rest.GetAsync("/api/v1/egress-only-internet-gateways")).Ok().Arr("egressOnlyInternetGateways"));
        (await _rest.DeleteAsync($"/api/v1/egress-only-internet-gateways/{eigwId}")).NoContent();
        // DescribeEgressOnlyInternetGateways answers an unknown id with an empty list; GET of one answers 404 all the same.
        (await _rest.GetAsync($"/api/v1/egress-only-internet-gateways/{eigwId}")).Problem(HttpStatusCode.NotFound, "InvalidResourceID.NotFound");
        (await _rest.DeleteAsync($"/api/v1/egress-only-internet-gateways/{eigwId}")).Problem(HttpStatusCode.NotFound, "InvalidGatewayID.NotFound");

        var nat = (await _rest.PostAsync("/api/v1/nat-gateways", new { subnetId = subnet, connectivityType = "private" })).Ok(HttpStatusCode.Created);
        var natId = nat.Str("natGatewayId");
        Assert.Equal("available", nat.Str("state"));
        Assert.Equal(natId, (await _rest.GetAsync($"/api/v1/nat-gateways/{natId}")).Ok().Str("natGatewayId"));
        Assert.Single((await _rest.GetAsync($"/api/v1/nat-gateways?subnet-id={subnet}")).Ok().Arr("natGateways"));
        (await _rest.DeleteAsync($"/api/v1/nat-gateways/{natId}")).NoContent();
        Assert.Equal("deleted", (await _rest.GetAsync($"/api/v1/nat-gateways/{natId}")).Ok().Str("state"));
        (await _rest.GetAsync("/api/v1/nat-gateways/nat-0123456789abcdef0")).Problem(HttpStatusCode.NotFound, "NatGatewayNotFound");
    }
}
