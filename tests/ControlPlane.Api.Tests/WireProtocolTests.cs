using System.Net;
using System.Xml.Linq;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests;

/// <summary>The EC2 Query wire protocol as raw HTTP: envelopes, headers, unsigned requests, bad input never a 500.</summary>
[Collection(SqliteCollection.Name)]
public sealed class WireProtocolTests(SqliteEmulator emulator)
{
    private static readonly XNamespace Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private readonly HttpClient _http = new() { BaseAddress = new Uri(emulator.Url) };

    private Task<HttpResponseMessage> PostAsync(params (string Key, string Value)[] form) =>
        _http.PostAsync("/", new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))));

    [Fact]
    public async Task An_unsigned_request_uses_the_default_account_and_answers_in_the_ec2_namespace()
    {
        var response = await PostAsync(("Action", "DescribeVpcs"), ("Version", "2016-11-15"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Ec2 + "DescribeVpcsResponse", xml.Root!.Name);
        Assert.Equal(response.Headers.GetValues("x-amzn-RequestId").Single(), xml.Root.Element(Ec2 + "requestId")!.Value);
        var item = xml.Root.Element(Ec2 + "vpcSet")!.Element(Ec2 + "item")!;
        Assert.Equal("000000000000", item.Element(Ec2 + "ownerId")!.Value);
    }

    [Fact]
    public async Task A_get_with_a_query_string_works_too()
    {
        var response = await _http.GetAsync("/?Action=DescribeAvailabilityZones&Version=2016-11-15");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("availabilityZoneInfo", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("CreateTransitGateway", "InvalidAction")]
    [InlineData("NoSuchThing", "InvalidAction")]
    public async Task An_unimplemented_action_is_invalid_action_in_the_error_envelope(string action, string code)
    {
        var response = await PostAsync(("Action", action), ("Version", "2016-11-15"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", xml.Root!.Name.LocalName);
        var error = xml.Root.Element("Errors")!.Element("Error")!;
        Assert.Equal(code, error.Element("Code")!.Value);
        Assert.Contains(action, error.Element("Message")!.Value);
        Assert.NotEmpty(xml.Root.Element("RequestID")!.Value);
    }

    [Theory]
    [InlineData("DescribeVpcs", "MaxResults", "lots", "InvalidParameterValue")]
    [InlineData("DescribeVpcs", "Bogus", "1", "UnknownParameter")]
    [InlineData("DescribeSubnets", "MaxResults", "2", "InvalidParameterValue")]
    [InlineData("CreateVpc", "AmazonProvidedIpv6CidrBlock", "perhaps", "InvalidParameterValue")]
    [InlineData("DeleteVpc", "DryRun", "false", "MissingParameter")]
    [InlineData("CreateSubnet", "CidrBlock", "10.0.0.0/24", "MissingParameter")]
    public async Task Bad_parameters_get_a_400_with_the_aws_code(string action, string key, string value, string code)
    {
        var response = await PostAsync(("Action", action), ("Version", "2016-11-15"), (key, value));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, xml.Root!.Element("Errors")!.Element("Error")!.Element("Code")!.Value);
    }

    [Fact]
    public async Task A_missing_action_is_reported()
    {
        var response = await PostAsync(("Version", "2016-11-15"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>MissingAction</Code>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_reports_version_store_and_readiness()
    {
        var health = await _http.GetStringAsync("/_controlplane/health");
        Assert.Contains("\"ready\":true", health);
        Assert.Contains("\"store\":\"sqlite\"", health);
        Assert.Contains("\"version\":", health);
    }
}
