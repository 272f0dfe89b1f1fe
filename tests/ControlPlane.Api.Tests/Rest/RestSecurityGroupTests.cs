using System.Net;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary><c>/api/v1/security-groups</c> and their rules over HTTP, on both stores.</summary>
public abstract class RestSecurityGroupTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : RestSecurityGroupTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : RestSecurityGroupTests(e);

    private readonly RestClient _rest = emulator.Rest();

    private async Task<string> NewVpcAsync() =>
        (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = "10.0.0.0/16" })).Ok(HttpStatusCode.Created).Str("vpcId");

    private async Task<string> NewGroupAsync(string vpc, string name = "web") =>
        (await _rest.PostAsync("/api/v1/security-groups", new { groupName = name, description = name, vpcId = vpc })).Ok(HttpStatusCode.Created).Str("groupId");

    private static object Https(string cidr = "0.0.0.0/0") =>
        new { ipPermissions = new[] { new { ipProtocol = "tcp", fromPort = 443, toPort = 443, ipRanges = new[] { new { cidrIp = cidr } } } } };

    [Fact]
    public async Task A_group_is_created_read_listed_and_deleted()
    {
        var vpc = await NewVpcAsync();
        var created = await _rest.PostAsync("/api/v1/security-groups", new { groupName = "web", description = "web tier", vpcId = vpc });
        var group = created.Ok(HttpStatusCode.Created);
        var id = group.Str("groupId");
        Assert.Equal($"/api/v1/security-groups/{id}", created.Location);
        Assert.Equal("web tier", group.Str("description"));
        // Every new group allows all outbound traffic, as on AWS.
        Assert.Single(group.Arr("ipPermissionsEgress"));

        Assert.Equal("web", (await _rest.GetAsync($"/api/v1/security-groups/{id}")).Ok().Str("groupName"));
        var listed = (await _rest.GetAsync($"/api/v1/security-groups?vpc-id={vpc}&group-name=web")).Ok().Arr("securityGroups");
        Assert.Equal(id, Assert.Single(listed).Str("groupId"));

        (await _rest.DeleteAsync($"/api/v1/security-groups/{id}")).NoContent();
        (await _rest.GetAsync($"/api/v1/security-groups/{id}")).Problem(HttpStatusCode.NotFound, "InvalidGroup.NotFound");
    }

    [Fact]
    public async Task Rules_are_authorized_listed_modified_and_revoked_in_both_directions()
    {
        var vpc = await NewVpcAsync();
        var group = await NewGroupAsync(vpc);

        var ingress = (await _rest.PostAsync($"/api/v1/security-groups/{group}/ingress-rules", Https())).Ok();
        Assert.True(ingress["return"]!.GetValue<bool>());
        var rule = Assert.Single(ingress.Arr("securityGroupRules")).Str("securityGroupRuleId");
        var egress = (await _rest.PostAsync($"/api/v1/security-groups/{group}/egress-rules", new
        {
            ipPermissions = new[] { new { ipProtocol = "tcp", fromPort = 5432, toPort = 5432, userIdGroupPairs = new[] { new { groupId = group } } } },
        })).Ok();
        var egressRule = Assert.Single(egress.Arr("securityGroupRules")).Str("securityGroupRuleId");

        var rules = (await _rest.GetAsync($"/api/v1/security-groups/{group}/rules")).Ok().Arr("securityGroupRules");
        Assert.Equal(3, rules.Count); // with the default allow-all egress rule
        var found = (await _rest.GetAsync($"/api/v1/security-groups/{group}/rules?security-group-rule-id={rule}")).Ok().Arr("securityGroupRules");
        Assert.Equal(rule, Assert.Single(found).Str("securityGroupRuleId"));

        var modified = (await _rest.PatchAsync($"/api/v1/security-groups/{group}/rules", new
        {
            securityGroupRules = new[] { new { securityGroupRuleId = rule, securityGroupRule = new { ipProtocol = "tcp", fromPort = 8443, toPort = 8443, cidrIpv4 = "10.0.0.0/8" } } },
        })).Ok();
        Assert.Equal(group, modified.Str("groupId"));
        Assert.Equal(8443, modified.Arr("ipPermissions")[0]!["fromPort"]!.GetValue<int>());

        var revoked = (await _rest.DeleteAsync($"/api/v1/security-groups/{group}/ingress-rules/{rule}")).Ok();
        Assert.Equal(rule, Assert.Single(revoked.Arr("revokedSecurityGroupRules")).Str("securityGroupRuleId"));
        (await _rest.DeleteAsync($"/api/v1/security-groups/{group}/egress-rules/{egressRule}")).Ok();

        (await _rest.PostAsync($"/api/v1/security-groups/{group}/ingress-rules", Https("192.0.2.0/24"))).Ok();
        var byProperties = (await _rest.PostAsync($"/api/v1/security-groups/{group}/ingress-rules/revoke", Https("192.0.2.0/24"))).Ok();
        Assert.Single(byProperties.Arr("revokedSecurityGroupRules"));
        var allEgress = (await _rest.PostAsync($"/api/v1/security-groups/{group}/egress-rules/revoke", new
        {
            ipPermissions = new[] { new { ipProtocol = "-1", ipRanges = new[] { new { cidrIp = "0.0.0.0/0" } } } },
        })).Ok();
        Assert.Single(allEgress.Arr("revokedSecurityGroupRules"));
        Assert.Empty((await _rest.GetAsync($"/api/v1/security-groups/{group}/rules")).Ok().Arr("securityGroupRules"));
    }

    [Fact]
    public async Task Duplicates_and_groups_in_use_are_conflicts()
    {
        var vpc = await NewVpcAsync();
        var group = await NewGroupAsync(vpc);
        (await _rest.PostAsync("/api/v1/security-groups", new { groupName = "WEB", description = "again", vpcId = vpc }))
            .Problem(HttpStatusCode.Conflict, "InvalidGroup.Duplicate");
        (await _rest.PostAsync($"/api/v1/security-groups/{group}/ingress-rules", Https())).Ok();
        (await _rest.PostAsync($"/api/v1/security-groups/{group}/ingress-rules", Https())).Problem(HttpStatusCode.Conflict, "InvalidPermission.Duplicate");

        var referencing = await NewGroupAsync(vpc, "app");
        (await _rest.PostAsync($"/api/v1/security-groups/{referencing}/ingress-rules", new
        {
            ipPermissions = new[] { new { ipProtocol = "tcp", fromPort = 80, toPort = 80, userIdGroupPairs = new[] { new { groupId = group } } } },
        })).Ok();
        (await _rest.DeleteAsync($"/api/v1/security-groups/{group}")).Problem(HttpStatusCode.Conflict, "DependencyViolation");
    }

    [Fact]
    public async Task Unknown_malformed_and_invalid_rules_are_not_found_or_bad_requests()
    {
        var vpc = await NewVpcAsync();
        var group = await NewGroupAsync(vpc);
        (await _rest.GetAsync("/api/v1/security-groups/sg-0123456789abcdef0")).Problem(HttpStatusCode.NotFound, "InvalidGroup.NotFound");
        (await _rest.GetAsync("/api/v1/security-groups/web")).Problem(HttpStatusCode.BadRequest, "InvalidGroupId.Malformed");
        (await _rest.PostAsync("/api/v1/security-groups/sg-0123456789abcdef0/ingress-rules", Https())).Problem(HttpStatusCode.NotFound, "InvalidGroup.NotFound");
        (await _rest.DeleteAsync($"/api/v1/security-groups/{group}/ingress-rules/sgr-0123456789abcdef0"))
            .Problem(HttpStatusCode.NotFound, "InvalidSecurityGroupRuleId.NotFound");
        (await _rest.PostAsync($"/api/v1/security-groups/{group}/ingress-rules", new
        {
            ipPermissions = new[] { new { ipProtocol = "tcp", fromPort = 443, toPort = 80, ipRanges = new[] { new { cidrIp = "0.0.0.0/0" } } } },
        })).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await _rest.PostAsync($"/api/v1/security-groups/{group}/ingress-rules", new
        {
            ipPermissions = new[] { new { ipProtocol = "tcp", fromPort = 443, toPort = 443, ipRanges = new[] { new { cidrIp = "0.0.0.0/33" } } } },
        })).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await _rest.GetAsync($"/api/v1/security-groups/{group}/rules?no-such-filter=1")).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");

        var defaultGroup = (await _rest.GetAsync($"/api/v1/security-groups?vpc-id={vpc}&group-name=default")).Ok().Arr("securityGroups")[0].Str("groupId");
        (await _rest.DeleteAsync($"/api/v1/security-groups/{defaultGroup}")).Problem(HttpStatusCode.BadRequest, "CannotDelete");
    }
}
