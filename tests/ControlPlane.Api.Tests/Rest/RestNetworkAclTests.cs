using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary><c>/api/v1/network-acls</c>, their entries and associations over HTTP, on both stores.</summary>
public abstract class RestNetworkAclTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : RestNetworkAclTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : RestNetworkAclTests(e);

    private readonly RestClient _rest = emulator.Rest();

    private async Task<(string Vpc, string Subnet)> NewNetworkAsync()
    {
        var vpc = (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = "10.0.0.0/16" })).Ok(HttpStatusCode.Created).Str("vpcId");
        var subnet = (await _rest.PostAsync("/api/v1/subnets", new { vpcId = vpc, cidrBlock = "10.0.1.0/24" })).Ok(HttpStatusCode.Created).Str("subnetId");
        return (vpc, subnet);
    }

    private async Task<string> NewAclAsync(string vpc) =>
        (await _rest.PostAsync("/api/v1/network-acls", new { vpcId = vpc })).Ok(HttpStatusCode.Created).Str("networkAclId");

    private static object Entry(int number, bool egress, string action = "allow", int port = 80) =>
        new { ruleNumber = number, protocol = "6", ruleAction = action, egress, cidrBlock = "0.0.0.0/0", portRange = new { from = port, to = port } };

    private static JsonNode? Find(JsonNode acl, int number, bool egress) =>
        acl.Arr("entries").FirstOrDefault(e => e!["ruleNumber"]!.GetValue<int>() == number && e["egress"]!.GetValue<bool>() == egress);

    [Fact]
    public async Task An_acl_is_created_read_listed_and_deleted()
    {
        var (vpc, _) = await NewNetworkAsync();
        var created = await _rest.PostAsync("/api/v1/network-acls", new { vpcId = vpc });
        var acl = created.Ok(HttpStatusCode.Created);
        var id = acl.Str("networkAclId");
        Assert.Equal($"/api/v1/network-acls/{id}", created.Location);
        Assert.False(acl["isDefault"]!.GetValue<bool>());
        // The * deny entries are shown as on AWS.
        Assert.NotNull(Find(acl, 32767, egress: false));

        Assert.Equal(vpc, (await _rest.GetAsync($"/api/v1/network-acls/{id}")).Ok().Str("vpcId"));
        var listed = (await _rest.GetAsync($"/api/v1/network-acls?vpc-id={vpc}&default=false")).Ok().Arr("networkAcls");
        Assert.Equal(id, Assert.Single(listed).Str("networkAclId"));

        (await _rest.DeleteAsync($"/api/v1/network-acls/{id}")).NoContent();
        (await _rest.GetAsync($"/api/v1/network-acls/{id}")).Problem(HttpStatusCode.NotFound, "InvalidNetworkAclID.NotFound");
    }

    [Fact]
    public async Task Entries_are_created_replaced_and_deleted_per_direction()
    {
        var (vpc, _) = await NewNetworkAsync();
        var id = await NewAclAsync(vpc);

        var withIngress = (await _rest.PostAsync($"/api/v1/network-acls/{id}/entries", Entry(100, egress: false))).Ok();
        Assert.Equal("allow", Find(withIngress, 100, egress: false).Str("ruleAction"));
        var withEgress = (await _rest.PostAsync($"/api/v1/network-acls/{id}/entries", Entry(100, egress: true))).Ok();
        Assert.NotNull(Find(withEgress, 100, egress: true));

        var replacedIn = (await _rest.PutAsync($"/api/v1/network-acls/{id}/entries/ingress/100",
            new { protocol = "6", ruleAction = "deny", cidrBlock = "10.0.0.0/8", portRange = new { from = 22, to = 22 } })).Ok();
        Assert.Equal("deny", Find(replacedIn, 100, egress: false).Str("ruleAction"));
        Assert.Equal("allow", Find(replacedIn, 100, egress: true).Str("ruleAction"));
        var replacedOut = (await _rest.PutAsync($"/api/v1/network-acls/{id}/entries/egress/100",
            new { protocol = "-1", ruleAction = "deny", cidrBlock = "0.0.0.0/0" })).Ok();
        Assert.Equal("deny", Find(replacedOut, 100, egress: true).Str("ruleAction"));

        var afterIn = (await _rest.DeleteAsync($"/api/v1/network-acls/{id}/entries/ingress/100")).Ok();
        Assert.Null(Find(afterIn, 100, egress: false));
        Assert.NotNull(Find(afterIn, 100, egress: true));
        var afterOut = (await _rest.DeleteAsync($"/api/v1/network-acls/{id}/entries/egress/100")).Ok();
        Assert.Null(Find(afterOut, 100, egress: true));
    }

    [Fact]
    public async Task A_subnet_moves_to_another_acl_through_its_association()
    {
        var (vpc, subnet) = await NewNetworkAsync();
        var id = await NewAclAsync(vpc);
        var defaultAcl = Assert.Single((await _rest.GetAsync($"/api/v1/network-acls?vpc-id={vpc}&default=true")).Ok().Arr("networkAcls"));
        var association = defaultAcl.Arr("associations").Single(a => a.Str("subnetId") == subnet).Str("networkAclAssociationId");

        var replaced = (await _rest.PostAsync($"/api/v1/network-acls/{id}/associations", new { associationId = association })).Ok();
        var newAssociation = replaced.Str("newAssociationId");
        Assert.NotEqual(association, newAssociation);
        var acl = (await _rest.GetAsync($"/api/v1/network-acls/{id}")).Ok();
        Assert.Equal(subnet, Assert.Single(acl.Arr("associations")).Str("subnetId"));
        (await _rest.DeleteAsync($"/api/v1/network-acls/{id}")).Problem(HttpStatusCode.Conflict, "DependencyViolation");
        (await _rest.PostAsync($"/api/v1/network-acls/{id}/associations", new { associationId = association }))
            .Problem(HttpStatusCode.NotFound, "InvalidAssociationID.NotFound");
    }

    [Fact]
    public async Task Entry_errors_are_conflicts_not_found_and_bad_requests()
    {
        var (vpc, _) = await NewNetworkAsync();
        var id = await NewAclAsync(vpc);
        (await _rest.PostAsync($"/api/v1/network-acls/{id}/entries", Entry(100, egress: false))).Ok();
        (await _rest.PostAsync($"/api/v1/network-acls/{id}/entries", Entry(100, egress: false, "deny")))
            .Problem(HttpStatusCode.Conflict, "NetworkAclEntryAlreadyExists");
        (await _rest.PutAsync($"/api/v1/network-acls/{id}/entries/egress/100", new { protocol = "6", ruleAction = "deny", cidrBlock = "0.0.0.0/0", portRange = new { from = 1, to = 2 } }))
            .Problem(HttpStatusCode.NotFound, "InvalidNetworkAclEntry.NotFound");
        (await _rest.DeleteAsync($"/api/v1/network-acls/{id}/entries/egress/200")).Problem(HttpStatusCode.NotFound, "InvalidNetworkAclEntry.NotFound");
        (await _rest.PostAsync($"/api/v1/network-acls/{id}/entries", new { ruleNumber = 110, protocol = "tcp", ruleAction = "allow", egress = false, cidrBlock = "0.0.0.0/0" }))
            .Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await _rest.PutAsync($"/api/v1/network-acls/{id}/entries/ingress/abc", new { protocol = "-1", ruleAction = "deny", cidrBlock = "0.0.0.0/0" }))
            .Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        // Egress is given by the path of replace and delete, not by the body.
        (await _rest.PutAsync($"/api/v1/network-acls/{id}/entries/ingress/100", new { egress = true, protocol = "-1", ruleAction = "deny", cidrBlock = "0.0.0.0/0" }))
            .Problem(HttpStatusCode.BadRequest, "UnknownParameter");
        (await _rest.PostAsync("/api/v1/network-acls/acl-0123456789abcdef0/entries", Entry(100, egress: false)))
            .Problem(HttpStatusCode.NotFound, "InvalidNetworkAclID.NotFound");

        var defaultAcl = (await _rest.GetAsync($"/api/v1/network-acls?vpc-id={vpc}&default=true")).Ok().Arr("networkAcls")[0].Str("networkAclId");
        (await _rest.DeleteAsync($"/api/v1/network-acls/{defaultAcl}")).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
    }
}
