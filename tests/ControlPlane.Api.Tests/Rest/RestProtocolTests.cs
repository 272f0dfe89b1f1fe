using System.Net;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary>
/// What every REST operation shares: reading the request (malformed JSON, unknown or misplaced members, wrong types,
/// required members), scoping by headers with the same isolation as the AWS endpoint, and problem+json errors.
/// </summary>
public abstract class RestProtocolTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : RestProtocolTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : RestProtocolTests(e);

    private readonly RestClient _rest = emulator.Rest();

    [Theory]
    [InlineData("{\"cidrBlock\":")]
    [InlineData("not json")]
    [InlineData("[\"10.0.0.0/16\"]")]
    [InlineData("{\"cidrBlock\":\"10.0.0.0/16\",\"cidrBlock\":\"10.1.0.0/16\"}")]
    [InlineData("{\"cidrBlock\":\"10.0.0.0/16\",\"CidrBlock\":\"10.1.0.0/16\"}")]
    public async Task A_body_that_is_not_one_json_object_is_a_bad_request_and_creates_nothing(string body)
    {
        (await _rest.PostAsync("/api/v1/vpcs", body)).Problem(HttpStatusCode.BadRequest, "InvalidRequest");
        Assert.Single((await _rest.GetAsync("/api/v1/vpcs")).Ok().Arr("vpcs"));
    }

    [Fact]
    public async Task Members_are_checked_by_name_type_and_place()
    {
        (await _rest.PostAsync("/api/v1/vpcs", new { cidr = "10.0.0.0/16" })).Problem(HttpStatusCode.BadRequest, "UnknownParameter");
        (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = 10 })).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = "10.0.0.0/16", tagSpecifications = "vpc" })).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = "10.0.0.0/16", tagSpecifications = new[] { new { resourceType = "vpc", labels = 1 } } }))
            .Problem(HttpStatusCode.BadRequest, "UnknownParameter");
        // Member names are read without regard to case.
        Assert.Equal("10.7.0.0/16", (await _rest.PostAsync("/api/v1/vpcs", new { CidrBlock = "10.7.0.0/16" })).Ok(HttpStatusCode.Created).Str("cidrBlock"));

        var vpc = (await _rest.GetAsync("/api/v1/vpcs?is-default=true")).Ok().Arr("vpcs")[0].Str("vpcId");
        (await _rest.PatchAsync($"/api/v1/vpcs/{vpc}", new { vpcId = vpc, enableDnsSupport = new { value = true } })).Problem(HttpStatusCode.BadRequest, "UnknownParameter");
        (await _rest.GetAsync($"/api/v1/vpcs/{vpc}?unexpected=1")).Problem(HttpStatusCode.BadRequest, "UnknownParameter");
        (await _rest.GetAsync($"/api/v1/vpcs?dryRun=maybe")).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
    }

    [Fact]
    public async Task The_aws_models_required_members_are_required_here_too()
    {
        var vpc = (await _rest.GetAsync("/api/v1/vpcs?is-default=true")).Ok().Arr("vpcs")[0].Str("vpcId");
        var problem = (await _rest.PostAsync("/api/v1/security-groups", new { groupName = "web", vpcId = vpc })).Problem(HttpStatusCode.BadRequest, "MissingParameter");
        Assert.Contains("description", problem.Str("detail"));
        (await _rest.PostAsync("/api/v1/tags", new { tags = new[] { new { key = "a", value = "b" } } })).Problem(HttpStatusCode.BadRequest, "MissingParameter");
    }

    [Fact]
    public async Task Dry_run_answers_as_aws_does_and_changes_nothing()
    {
        (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = "10.0.0.0/16", dryRun = true })).Problem(HttpStatusCode.PreconditionFailed, "DryRunOperation");
        Assert.Single((await _rest.GetAsync("/api/v1/vpcs")).Ok().Arr("vpcs"));
    }

    [Fact]
    public async Task Headers_scope_requests_with_the_same_isolation_as_the_aws_endpoint()
    {
        var created = (await _rest.PostAsync("/api/v1/vpcs", new { cidrBlock = "10.3.0.0/16" })).Ok(HttpStatusCode.Created);
        var vpc = created.Str("vpcId");
        Assert.Equal(_rest.Account, created.Str("ownerId"));

        // The AWS endpoint sees it under the same account, and only there.
        var mine = await emulator.Ec2(_rest.Account).DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] });
        Assert.Equal("10.3.0.0/16", Assert.Single(mine.Vpcs).CidrBlock);
        var sdkVpc = (await emulator.Ec2(_rest.Account).CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.4.0.0/16" })).Vpc.VpcId;
        Assert.Equal("10.4.0.0/16", (await _rest.GetAsync($"/api/v1/vpcs/{sdkVpc}")).Ok().Str("cidrBlock"));

        var other = emulator.Rest();
        (await other.GetAsync($"/api/v1/vpcs/{vpc}")).Problem(HttpStatusCode.NotFound, "InvalidVpcID.NotFound");
        (await other.DeleteAsync($"/api/v1/vpcs/{vpc}")).Problem(HttpStatusCode.NotFound, "InvalidVpcID.NotFound");
        Assert.DoesNotContain((await other.GetAsync("/api/v1/vpcs")).Ok().Arr("vpcs"), v => v.Str("vpcId") == vpc);

        var otherRegion = emulator.Rest(_rest.Account, "eu-west-1");
        (await otherRegion.GetAsync($"/api/v1/vpcs/{vpc}")).Problem(HttpStatusCode.NotFound, "InvalidVpcID.NotFound");
        var subnets = (await otherRegion.GetAsync("/api/v1/subnets?default-for-az=true")).Ok().Arr("subnets");
        Assert.All(subnets, s => Assert.StartsWith("eu-west-1", s.Str("availabilityZone")));
    }

    [Fact]
    public async Task Without_headers_the_default_account_and_region_answer()
    {
        var vpcs = (await emulator.RestWithoutScope().GetAsync("/api/v1/vpcs?is-default=true")).Ok().Arr("vpcs");
        Assert.Equal("000000000000", Assert.Single(vpcs).Str("ownerId"));
    }

    [Theory]
    [InlineData("X-ControlPlane-Account", "12345")]
    [InlineData("X-ControlPlane-Account", "abcdefghijkl")]
    [InlineData("X-ControlPlane-Region", "Mars")]
    [InlineData("X-ControlPlane-Region", "us-east-1; drop")]
    [InlineData("X-ControlPlane-Region", "us-eastwestnorthsouthcentral-east-1")]
    public async Task A_malformed_scope_header_is_a_bad_request(string header, string value)
    {
        var response = await emulator.RestWithoutScope().SendAsync(HttpMethod.Get, "/api/v1/vpcs", headers: new Dictionary<string, string> { [header] = value });
        response.Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
    }

    [Fact]
    public async Task Unknown_paths_under_the_api_are_problems_too()
    {
        (await _rest.GetAsync("/api/v1/load-balancers")).Problem(HttpStatusCode.NotFound, "InvalidAction.NotFound");
        (await _rest.PostAsync("/api/v1/vpcs/vpc-0123456789abcdef0/nothing", new { })).Problem(HttpStatusCode.NotFound, "InvalidAction.NotFound");
    }

    [Fact]
    public async Task Problems_carry_the_request_id_the_response_header_names()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(emulator.Url.TrimEnd('/') + "/api/v1/vpcs/vpc-0123456789abcdef0");
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(response.Headers.GetValues("x-amzn-RequestId").Single(), body.Str("requestId"));
        Assert.Equal("about:blank", body.Str("type"));
    }
}
