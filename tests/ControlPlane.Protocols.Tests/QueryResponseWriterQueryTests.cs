namespace ControlPlane.Protocols.Tests;

/// <summary>Golden query-protocol responses, in the shape botocore's QueryParser reads.</summary>
public sealed class QueryResponseWriterQueryTests
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static readonly ServiceModel Sts = ServiceModel.Load("sts");

    [Fact]
    public void GetCallerIdentity_wraps_its_members_in_the_result_element()
    {
        var result = new { UserId = "AIDAEXAMPLE", Account = "123456789012", Arn = "arn:aws:iam::123456789012:user/dev" };

        Assert.Equal(
            Declaration +
            "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>" +
            "<Account>123456789012</Account><Arn>arn:aws:iam::123456789012:user/dev</Arn><UserId>AIDAEXAMPLE</UserId>" +
            "</GetCallerIdentityResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>",
            TestModels.WriteResult(Sts, "GetCallerIdentity", result));
    }

    [Fact]
    public void Lists_use_member_flattened_lists_repeat_and_maps_use_entry()
    {
        var result = new
        {
            Attributes = new Dictionary<string, string> { ["color"] = "blue" },
            Flat = new[] { "x", "y" },
            Ids = new[] { "a" },
            Rules = new[] { new { Port = 443, Protocol = "tcp" } },
            When = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc),
        };

        Assert.Equal(
            Declaration +
            "<PutThingsResponse xmlns=\"https://example.amazonaws.com/doc/2020-01-01/\"><PutThingsResult>" +
            "<Attributes><entry><Name>color</Name><Value>blue</Value></entry></Attributes>" +
            "<Item>x</Item><Item>y</Item>" +
            "<Ids><member>a</member></Ids>" +
            "<Rules><Rule><Port>443</Port><protocol>tcp</protocol></Rule></Rules>" +
            "<When>2026-11-24T09:00:00.000Z</When>" +
            "</PutThingsResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></PutThingsResponse>",
            TestModels.WriteResult(TestModels.Query, "PutThings", result));
    }

    [Fact]
    public void An_empty_result_still_writes_the_result_element()
    {
        Assert.Equal(
            Declaration +
            "<PutThingsResponse xmlns=\"https://example.amazonaws.com/doc/2020-01-01/\"><PutThingsResult/>" +
            "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></PutThingsResponse>",
            TestModels.WriteResult(TestModels.Query, "PutThings", new { }));
    }

    [Fact]
    public void Error_is_the_query_ErrorResponse_document()
    {
        Assert.Equal(
            Declaration +
            "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>" +
            "<Message>The security token included in the request is invalid.</Message></Error><RequestId>req-1</RequestId></ErrorResponse>",
            TestModels.WriteError(Sts, "InvalidClientTokenId", "The security token included in the request is invalid."));
    }
}
