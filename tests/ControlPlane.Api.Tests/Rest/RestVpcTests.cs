using System.Net;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary><c>/api/v1/vpcs</c> and <c>/api/v1/subnets</c> over HTTP, on both stores.</summary>
public abstract class RestVpcTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : RestVpcTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : RestVpcTests(e);

    private readonly RestClient _rest = emulator.Rest();

    private async Task<string> NewVpcAsync(string cidr = "10.0.0.0/16") =>
        (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = cidr })).Ok(HttpStatusCode.Created).Str("vpcId");

    [Fact]
    public async Task A_vpc_is_created_read_listed_with_filters_and_deleted()
    {
        var created = await _rest.PostAsync("/api/v1/vpcs", new
        {
            cidrBlock = "10.1.0.0/16",
            tagSpecifications = new[] { new { resourceType = "vpc", tags = new[] { new { key = "Name", value = "main" } } } },
        });
        var vpc = created.Ok(HttpStatusCode.Created);
        var id = vpc.Str("vpcId");
        Assert.Equal($"/api/v1/vpcs/{id}", created.Location);
        // The answer is the VPC as GET shows it (available), not CreateVpc's pending state.
        Assert.Equal("available", vpc.Str("state"));
        Assert.Equal(_rest.Account, vpc.Str("ownerId"));
        Assert.Equal("main", vpc.Arr("tags")[0].Str("value"));

        Assert.Equal("10.1.0.0/16", (await _rest.GetAsync($"/api/v1/vpcs/{id}")).Ok().Str("cidrBlock"));
        var byTag = (await _rest.GetAsync("/api/v1/vpcs?tag:Name=main")).Ok().Arr("vpcs");
        Assert.Equal(id, Assert.Single(byTag).Str("vpcId"));
        var both = (await _rest.GetAsync("/api/v1/vpcs?is-default=true&is-default=false")).Ok().Arr("vpcs");
        Assert.Equal(2, both.Count);

        (await _rest.DeleteAsync($"/api/v1/vpcs/{id}")).NoContent();
        (await _rest.GetAsync($"/api/v1/vpcs/{id}")).Problem(HttpStatusCode.NotFound, "InvalidVpcID.NotFound");
    }

    [Fact]
    public async Task Lists_page_with_max_results_and_next_token()
    {
        await NewVpcAsync("10.1.0.0/16");
        await NewVpcAsync("10.2.0.0/16");
        var first = (await _rest.GetAsync("/api/v1/vpcs?maxResults=5&is-default=false")).Ok();
        Assert.Equal(2, first.Arr("vpcs").Count);
        var page = (await _rest.GetAsync("/api/v1/vpcs?maxResults=5")).Ok();
        Assert.Null(page["nextToken"]);
        (await _rest.GetAsync("/api/v1/vpcs?maxResults=1")).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await _rest.GetAsync("/api/v1/vpcs?maxResults=many")).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
    }

    [Fact]
    public async Task Attributes_and_cidr_blocks_change_through_patch_and_their_own_paths()
    {
        var id = await NewVpcAsync();
        var changed = (await _rest.PatchAsync($"/api/v1/vpcs/{id}", new { enableDnsHostnames = new { value = true } })).Ok();
        Assert.Equal(id, changed.Str("vpcId"));
        var ec2 = emulator.Ec2(_rest.Account);
        var attribute = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = id, Attribute = "enableDnsHostnames" });
        Assert.True(attribute.EnableDnsHostnames);

        var associated = (await _rest.PostAsync($"/api/v1/vpcs/{id}/cidr-blocks", new { cidrBlock = "10.9.0.0/16" })).Ok();
        var association = associated["cidrBlockAssociation"].Str("associationId");
        Assert.Equal(2, (await _rest.GetAsync($"/api/v1/vpcs/{id}")).Ok().Arr("cidrBlockAssociationSet").Count);
        var removed = (await _rest.DeleteAsync($"/api/v1/vpc-cidr-block-associations/{association}")).Ok();
        Assert.Equal("disassociating", removed["cidrBlockAssociation"]!["cidrBlockState"].Str("state"));
        (await _rest.DeleteAsync($"/api/v1/vpc-cidr-block-associations/{association}")).Problem(HttpStatusCode.NotFound, "InvalidVpcCidrBlockAssociationID.NotFound");
    }

    [Fact]
    public async Task Vpc_errors_are_problems_with_the_aws_code_and_the_mapped_status()
    {
        (await _rest.GetAsync("/api/v1/vpcs/vpc-0123456789abcdef0")).Problem(HttpStatusCode.NotFound, "InvalidVpcID.NotFound");
        (await _rest.GetAsync("/api/v1/vpcs/not-a-vpc")).Problem(HttpStatusCode.BadRequest, "InvalidVpcID.Malformed");
        (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = "10.0.0.0/8" })).Problem(HttpStatusCode.BadRequest, "InvalidVpc.Range");
        (await _rest.PostAsync("/api/v1/vpcs", new { })).Problem(HttpStatusCode.BadRequest, "MissingParameter");
        (await _rest.DeleteAsync("/api/v1/vpcs/vpc-0123456789abcdef0")).Problem(HttpStatusCode.NotFound, "InvalidVpcID.NotFound");

        var id = await NewVpcAsync();
        (await _rest.PostAsync("/api/v1/subnets", new { vpcId = id, cidrBlock = "10.0.1.0/24" })).Ok(HttpStatusCode.Created);
        (await _rest.DeleteAsync($"/api/v1/vpcs/{id}")).Problem(HttpStatusCode.Conflict, "DependencyViolation");
        (await _rest.PatchAsync($"/api/v1/vpcs/{id}", new { enableDnsHostnames = new { value = true }, enableDnsSupport = new { value = true } }))
            .Problem(HttpStatusCode.BadRequest, "InvalidParameterCombination");
    }

    [Fact]
    public async Task The_vpc_quota_is_a_bad_request_and_creates_nothing()
    {
        for (var i = 1; i <= 4; i++) await NewVpcAsync($"10.{i}.0.0/16");
        (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = "10.9.0.0/16" })).Problem(HttpStatusCode.BadRequest, "VpcLimitExceeded");
        Assert.Equal(5, (await _rest.GetAsync("/api/v1/vpcs")).Ok().Arr("vpcs").Count);
    }

    [Fact]
    public async Task A_subnet_is_created_read_listed_changed_and_deleted()
    {
        var vpc = await NewVpcAsync();
        var created = await _rest.PostAsync("/api/v1/subnets", new { vpcId = vpc, cidrBlock = "10.0.1.0/24", availabilityZone = "us-east-1b" });
        var subnet = created.Ok(HttpStatusCode.Created);
        var id = subnet.Str("subnetId");
        Assert.Equal($"/api/v1/subnets/{id}", created.Location);
        Assert.Equal(251, subnet["availableIpAddressCount"]!.GetValue<int>());

        Assert.Equal(vpc, (await _rest.GetAsync($"/api/v1/subnets/{id}")).Ok().Str("vpcId"));
        Assert.Equal(id, Assert.Single((await _rest.GetAsync($"/api/v1/subnets?vpc-id={vpc}")).Ok().Arr("subnets")).Str("subnetId"));
        var changed = (await _rest.PatchAsync($"/api/v1/subnets/{id}", new { mapPublicIpOnLaunch = new { value = true } })).Ok();
        Assert.True(changed["mapPublicIpOnLaunch"]!.GetValue<bool>());

        (await _rest.DeleteAsync($"/api/v1/subnets/{id}")).NoContent();
        (await _rest.GetAsync($"/api/v1/subnets/{id}")).Problem(HttpStatusCode.NotFound, "InvalidSubnetID.NotFound");
    }

    [Fact]
    public async Task Subnet_errors_map_to_conflict_not_found_and_bad_request()
    {
        var vpc = await NewVpcAsync();
        (await _rest.PostAsync("/api/v1/subnets", new { vpcId = vpc, cidrBlock = "10.0.1.0/24" })).Ok(HttpStatusCode.Created);
        (await _rest.PostAsync("/api/v1/subnets", new { vpcId = vpc, cidrBlock = "10.0.1.0/25" })).Problem(HttpStatusCode.Conflict, "InvalidSubnet.Conflict");
        (await _rest.PostAsync("/api/v1/subnets", new { vpcId = vpc, cidrBlock = "10.1.0.0/24" })).Problem(HttpStatusCode.BadRequest, "InvalidSubnet.Range");
        (await _rest.PostAsync("/api/v1/subnets", new { vpcId = "vpc-0123456789abcdef0", cidrBlock = "10.0.2.0/24" })).Problem(HttpStatusCode.NotFound, "InvalidVpcID.NotFound");
        // VpcId is required by the AWS model: the REST adapter checks it as the EC2 endpoint does.
        (await _rest.PostAsync("/api/v1/subnets", new { cidrBlock = "10.0.2.0/24" })).Problem(HttpStatusCode.BadRequest, "MissingParameter");
        (await _rest.DeleteAsync("/api/v1/subnets/subnet-0123456789abcdef0")).Problem(HttpStatusCode.NotFound, "InvalidSubnetID.NotFound");
    }
}
