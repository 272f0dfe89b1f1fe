using System.Text.Json.Nodes;

namespace ControlPlane.Protocols.Tests;

/// <summary>The query protocol's parameter names as botocore's QuerySerializer sends them.</summary>
public sealed class QueryRequestBinderQueryTests
{
    private static JsonObject Bind(params (string Key, string Value)[] parameters) =>
        QueryRequestBinder.Bind(TestModels.Query, "PutThings", parameters.Select(p => KeyValuePair.Create(p.Key, p.Value)));

    [Fact]
    public void Lists_are_numbered_under_member_and_maps_under_entry()
    {
        var input = Bind(
            ("Name", "n"),
            ("Ids.member.2", "b"),
            ("Ids.member.1", "a"),
            ("Rules.Rule.1.Port", "443"),
            ("Rules.Rule.1.protocol", "tcp"),
            ("Item.1", "x"),
            ("Item.2", "y"),
            ("Attributes.entry.1.Name", "color"),
            ("Attributes.entry.1.Value", "blue"),
            ("Attributes.entry.2.Name", "size"),
            ("Attributes.entry.2.Value", "L"));

        Assert.Equal(
            """{"Attributes":{"color":"blue","size":"L"},"Flat":["x","y"],"Ids":["a","b"],"Name":"n","Rules":[{"Port":443,"Protocol":"tcp"}]}""",
            input.ToJsonString());
    }

    [Fact]
    public void Scalars_are_typed_by_the_model()
    {
        var input = Bind(
            ("Name", "n"),
            ("Count", "-3"),
            ("Size", "9007199254740993"),
            ("Ratio", "0.25"),
            ("Enabled", "false"),
            ("When", "2026-11-24T09:00:00Z"));

        Assert.Equal(
            """{"Count":-3,"Enabled":false,"Name":"n","Ratio":0.25,"Size":9007199254740993,"When":"2026-11-24T09:00:00Z"}""",
            input.ToJsonString());
    }

    [Fact]
    public void An_empty_list_is_sent_as_its_bare_name()
    {
        Assert.Equal("""{"Ids":[],"Name":"n"}""", Bind(("Name", "n"), ("Ids", "")).ToJsonString());
    }

    [Theory]
    [InlineData("Ids.1")]
    [InlineData("Ids.item.1")]
    [InlineData("Flat.1")]
    [InlineData("Attributes.1.Name")]
    [InlineData("Attributes.entry.1.key")]
    [InlineData("Attributes.entry.1")]
    public void Names_of_the_other_protocol_are_UnknownParameter(string key)
    {
        var error = Assert.Throws<ProtocolException>(() => Bind(("Name", "n"), (key, "v")));

        Assert.Equal("UnknownParameter", error.Code);
    }

    [Theory]
    [InlineData("Ratio", "NaN")]
    [InlineData("Ratio", "Infinity")]
    [InlineData("Ratio", "1,5")]
    [InlineData("Size", "1e3")]
    public void A_number_that_does_not_parse_is_InvalidParameterValue(string key, string value)
    {
        var error = Assert.Throws<ProtocolException>(() => Bind(("Name", "n"), (key, value)));

        Assert.Equal("InvalidParameterValue", error.Code);
    }

    [Fact]
    public void A_map_entry_without_its_key_is_MissingParameter()
    {
        var error = Assert.Throws<ProtocolException>(() => Bind(("Name", "n"), ("Attributes.entry.1.Value", "blue")));

        Assert.Equal("MissingParameter", error.Code);
        Assert.Equal("The request must contain the parameter Attributes.entry.1.Name", error.Message);
    }

    [Fact]
    public void Sts_GetCallerIdentity_takes_no_parameters()
    {
        var sts = ServiceModel.Load("sts");

        Assert.Equal("{}", QueryRequestBinder.Bind(sts, "GetCallerIdentity", []).ToJsonString());
        var error = Assert.Throws<ProtocolException>(() => QueryRequestBinder.Bind(sts, "GetCallerIdentity", [KeyValuePair.Create("RoleArn", "x")]));
        Assert.Equal("UnknownParameter", error.Code);
    }
}
