using System.Net;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary>Elastic IPs, managed prefix lists, VPC endpoints, VPC peering and tags over HTTP, on both stores.</summary>
public abstract class RestAddressingTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : RestAddressingTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : RestAddressingTests(e);

    private readonly RestClient _rest = emulator.Rest();

    private async Task<(string Vpc, string Subnet)> NewNetworkAsync(RestClient? rest = null, string cidr = "10.0.0.0/16", string subnetCidr = "10.0.1.0/24")
    {
        rest ??= _rest;
        var vpc = (await rest.PostAsync("/api/v1/vpcs", new { cidrBlock = cidr })).Ok(HttpStatusCode.Created).Str("vpcId");
        var subnet = (await rest.PostAsync("/api/v1/subnets", new { vpcId = vpc, cidrBlock = subnetCidr })).Ok(HttpStatusCode.Created).Str("subnetId");
        return (vpc, subnet);
    }

    [Fact]
    public async Task Elastic_ips_are_allocated_associated_disassociated_and_released()
    {
        var (vpc, subnet) = await NewNetworkAsync();
        var igw = (await _rest.PostAsync("/api/v1/internet-gateways", new { })).Ok(HttpStatusCode.Created).Str("internetGatewayId");
        (await _rest.PostAsync($"/api/v1/internet-gateways/{igw}/attachments", new { vpcId = vpc })).Ok();
        var eni = (await _rest.PostAsync("/api/v1/network-interfaces", new { subnetId = subnet })).Ok(HttpStatusCode.Created).Str("networkInterfaceId");

        var created = await _rest.PostAsync("/api/v1/addresses", new { domain = "vpc" });
        var address = created.Ok(HttpStatusCode.Created);
        var id = address.Str("allocationId");
        Assert.Equal($"/api/v1/addresses/{id}", created.Location);
        Assert.Equal(address.Str("publicIp"), (await _rest.GetAsync($"/api/v1/addresses/{id}")).Ok().Str("publicIp"));

        var association = (await _rest.PostAsync($"/api/v1/addresses/{id}/associations", new { networkInterfaceId = eni })).Ok().Str("associationId");
        Assert.Equal(eni, Assert.Single((await _rest.GetAsync($"/api/v1/addresses?association-id={association}")).Ok().Arr("addresses")).Str("networkInterfaceId"));
        (await _rest.DeleteAsync($"/api/v1/addresses/{id}")).Problem(HttpStatusCode.Conflict, "InvalidIPAddress.InUse");

        (await _rest.DeleteAsync($"/api/v1/address-associations/{association}")).NoContent();
        (await _rest.DeleteAsync($"/api/v1/address-associations/{association}")).Problem(HttpStatusCode.NotFound, "InvalidAssociationID.NotFound");
        (await _rest.DeleteAsync($"/api/v1/addresses/{id}")).NoContent();
        (await _rest.GetAsync($"/api/v1/addresses/{id}")).Problem(HttpStatusCode.NotFound, "InvalidAllocationID.NotFound");
    }

    [Fact]
    public async Task Prefix_lists_are_created_read_changed_listed_and_deleted()
    {
        var created = await _rest.PostAsync("/api/v1/managed-prefix-lists", new
        {
            prefixListName = "corp", addressFamily = "IPv4", maxEntries = 5, entries = new[] { new { cidr = "192.168.0.0/16", description = "office" } },
        });
        var id = created.Ok(HttpStatusCode.Created).Str("prefixListId");
        Assert.Equal($"/api/v1/managed-prefix-lists/{id}", created.Location);
        Assert.Equal("corp", (await _rest.GetAsync($"/api/v1/managed-prefix-lists/{id}")).Ok().Str("prefixListName"));
        Assert.Single((await _rest.GetAsync("/api/v1/managed-prefix-lists?prefix-list-name=corp")).Ok().Arr("prefixLists"));

        var changed = (await _rest.PatchAsync($"/api/v1/managed-prefix-lists/{id}", new { currentVersion = 1, addEntries = new[] { new { cidr = "172.16.0.0/12" } } })).Ok();
        Assert.Equal(2, changed["prefixList"]!["version"]!.GetValue<int>());
        Assert.Equal(2, (await _rest.GetAsync($"/api/v1/managed-prefix-lists/{id}/entries")).Ok().Arr("entries").Count);
        Assert.Single((await _rest.GetAsync($"/api/v1/managed-prefix-lists/{id}/entries?targetVersion=1")).Ok().Arr("entries"));
        (await _rest.PatchAsync($"/api/v1/managed-prefix-lists/{id}", new { currentVersion = 1, addEntries = new[] { new { cidr = "10.0.0.0/8" } } }))
            .Problem(HttpStatusCode.BadRequest, "PrefixListVersionMismatch");

        (await _rest.DeleteAsync($"/api/v1/managed-prefix-lists/{id}")).NoContent();
        (await _rest.GetAsync("/api/v1/managed-prefix-lists/pl-0123456789abcdef0")).Problem(HttpStatusCode.NotFound, "InvalidPrefixListID.NotFound");
    }

    [Fact]
    public async Task Vpc_endpoints_are_created_read_changed_listed_and_deleted()
    {
        var (vpc, _) = await NewNetworkAsync();
        var table = (await _rest.PostAsync("/api/v1/route-tables", new { vpcId = vpc })).Ok(HttpStatusCode.Created).Str("routeTableId");
        var other = (await _rest.PostAsync("/api/v1/route-tables", new { vpcId = vpc })).Ok(HttpStatusCode.Created).Str("routeTableId");
        var created = await _rest.PostAsync("/api/v1/vpc-endpoints", new { vpcId = vpc, serviceName = "com.amazonaws.us-east-1.s3", routeTableIds = new[] { table } });
        var id = created.Ok(HttpStatusCode.Created).Str("vpcEndpointId");
        Assert.Equal($"/api/v1/vpc-endpoints/{id}", created.Location);
        Assert.Equal("Gateway", (await _rest.GetAsync($"/api/v1/vpc-endpoints/{id}")).Ok().Str("vpcEndpointType"));
        Assert.Single((await _rest.GetAsync($"/api/v1/vpc-endpoints?vpc-id={vpc}")).Ok().Arr("vpcEndpoints"));

        var changed = (await _rest.PatchAsync($"/api/v1/vpc-endpoints/{id}", new { addRouteTableIds = new[] { other } })).Ok();
        Assert.Equal(2, changed.Arr("routeTableIds").Count);
        (await _rest.PostAsync("/api/v1/vpc-endpoints", new { vpcId = vpc, serviceName = "com.amazonaws.us-east-1.nope" })).Problem(HttpStatusCode.BadRequest, "InvalidServiceName");

        Assert.Empty((await _rest.DeleteAsync($"/api/v1/vpc-endpoints/{id}")).Ok().Arr("unsuccessful"));
        // DeleteVpcEndpoints reports unknown ids in its answer, as AWS does.
        Assert.Single((await _rest.DeleteAsync("/api/v1/vpc-endpoints/vpce-0123456789abcdef0")).Ok().Arr("unsuccessful"));
    }

    [Fact]
    public async Task Peering_connections_are_requested_accepted_or_rejected_and_deleted_across_accounts()
    {
        var accepter = emulator.Rest();
        var (vpc, _) = await NewNetworkAsync();
        var (peerVpc, _) = await NewNetworkAsync(accepter, "10.1.0.0/16", "10.1.1.0/24");

        var created = await _rest.PostAsync("/api/v1/vpc-peering-connections", new { vpcId = vpc, peerVpcId = peerVpc, peerOwnerId = accepter.Account });
        var id = created.Ok(HttpStatusCode.Created).Str("vpcPeeringConnectionId");
        Assert.Equal("pending-acceptance", (await accepter.GetAsync($"/api/v1/vpc-peering-connections/{id}")).Ok()["status"].Str("code"));
        var accepted = (await accepter.PostAsync($"/api/v1/vpc-peering-connections/{id}/accept")).Ok();
        Assert.Equal("active", accepted["vpcPeeringConnection"]!["status"].Str("code"));
        Assert.Single((await _rest.GetAsync("/api/v1/vpc-peering-connections?status-code=active")).Ok().Arr("vpcPeeringConnections"));
        (await _rest.DeleteAsync($"/api/v1/vpc-peering-connections/{id}")).NoContent();

        var second = (await _rest.PostAsync("/api/v1/vpc-peering-connections", new { vpcId = vpc, peerVpcId = peerVpc, peerOwnerId = accepter.Account }))
            .Ok(HttpStatusCode.Created).Str("vpcPeeringConnectionId");
        var rejected = (await accepter.PostAsync($"/api/v1/vpc-peering-connections/{second}/reject")).Ok();
        Assert.Equal("rejected", rejected["status"].Str("code"));
        (await _rest.PostAsync("/api/v1/vpc-peering-connections/pcx-0123456789abcdef0/accept")).Problem(HttpStatusCode.NotFound, "InvalidVpcPeeringConnectionID.NotFound");
    }

    [Fact]
    public async Task Tags_are_listed_added_and_removed()
    {
        var (vpc, subnet) = await NewNetworkAsync();
        (await _rest.PostAsync("/api/v1/tags", new { resources = new[] { vpc, subnet }, tags = new[] { new { key = "env", value = "dev" } } })).NoContent();
        var tagged = (await _rest.GetAsync("/api/v1/tags?key=env")).Ok().Arr("tags");
        Assert.Equal(2, tagged.Count);
        Assert.Single((await _rest.GetAsync("/api/v1/tags?key=env&resource-type=subnet")).Ok().Arr("tags"));

        (await _rest.PostAsync("/api/v1/tags/delete", new { resources = new[] { vpc }, tags = new[] { new { key = "env" } } })).NoContent();
        Assert.Equal(subnet, Assert.Single((await _rest.GetAsync("/api/v1/tags?key=env")).Ok().Arr("tags")).Str("resourceId"));
        (await _rest.PostAsync("/api/v1/tags", new { resources = new[] { "vpc-0123456789abcdef0" }, tags = new[] { new { key = "env", value = "dev" } } }))
            .Problem(HttpStatusCode.NotFound, "InvalidVpcID.NotFound");
        (await _rest.PostAsync("/api/v1/tags", new { resources = new[] { vpc } })).Problem(HttpStatusCode.BadRequest, "MissingParameter");
    }
}
