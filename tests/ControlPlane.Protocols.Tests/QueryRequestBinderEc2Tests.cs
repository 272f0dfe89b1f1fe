using System.Text.Json.Nodes;

namespace ControlPlane.Protocols.Tests;

/// <summary>The EC2 protocol's parameter names as botocore, the AWS SDKs and Terraform send them.</summary>
public sealed class QueryRequestBinderEc2Tests
{
    private static readonly ServiceModel Ec2 = ServiceModel.Load("ec2");

    private static JsonObject Bind(string operation, params (string Key, string Value)[] parameters) =>
        QueryRequestBinder.Bind(Ec2, operation, parameters.Select(p => KeyValuePair.Create(p.Key, p.Value)));

    private static ProtocolException BindFails(string operation, params (string Key, string Value)[] parameters) =>
        Assert.Throws<ProtocolException>(() => Bind(operation, parameters));

    [Fact]
    public void Ip_permissions_bind_to_their_members_with_model_types()
    {
        var input = Bind("AuthorizeSecurityGroupIngress",
            ("GroupId", "sg-0123456789abcdef0"),
            ("IpPermissions.1.IpProtocol", "tcp"),
            ("IpPermissions.1.FromPort", "22"),
            ("IpPermissions.1.ToPort", "22"),
            ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8"),
            ("IpPermissions.1.IpRanges.1.Description", "ssh"),
            ("IpPermissions.1.Groups.1.GroupId", "sg-0fedcba9876543210"),
            ("IpPermissions.1.Groups.1.UserId", "123456789012"),
            ("IpPermissions.1.Ipv6Ranges.1.CidrIpv6", "::/0"),
            ("IpPermissions.1.PrefixListIds.1.PrefixListId", "pl-12345678"),
            ("DryRun", "true"));

        Assert.Equal(
            """{"DryRun":true,"GroupId":"sg-0123456789abcdef0","IpPermissions":[{"FromPort":22,"IpProtocol":"tcp","IpRanges":[{"CidrIp":"10.0.0.0/8","Description":"ssh"}],"Ipv6Ranges":[{"CidrIpv6":"::/0"}],"PrefixListIds":[{"PrefixListId":"pl-12345678"}],"ToPort":22,"UserIdGroupPairs":[{"GroupId":"sg-0fedcba9876543210","UserId":"123456789012"}]}]}""",
            input.ToJsonString());
    }

    [Fact]
    public void Filters_and_flattened_id_lists_bind_to_their_plural_members()
    {
        var input = Bind("DescribeSecurityGroups",
            ("Filter.1.Name", "vpc-id"),
            ("Filter.1.Value.1", "vpc-1"),
            ("Filter.1.Value.2", "vpc-2"),
            ("Filter.2.Name", "group-name"),
            ("Filter.2.Value.1", "web"),
            ("GroupId.1", "sg-1"),
            ("GroupName.1", "default"),
            ("MaxResults", "5"),
            ("NextToken", "abc"));

        Assert.Equal(
            """{"Filters":[{"Name":"vpc-id","Values":["vpc-1","vpc-2"]},{"Name":"group-name","Values":["web"]}],"GroupIds":["sg-1"],"GroupNames":["default"],"MaxResults":5,"NextToken":"abc"}""",
            input.ToJsonString());
    }

    [Fact]
    public void Tag_specifications_bind_to_TagSpecifications()
    {
        var input = Bind("CreateVpc",
            ("CidrBlock", "10.0.0.0/16"),
            ("AmazonProvidedIpv6CidrBlock", "false"),
            ("InstanceTenancy", "default"),
            ("TagSpecification.1.ResourceType", "vpc"),
            ("TagSpecification.1.Tag.1.Key", "Name"),
            ("TagSpecification.1.Tag.1.Value", "main"));

        Assert.Equal(
            """{"AmazonProvidedIpv6CidrBlock":false,"CidrBlock":"10.0.0.0/16","InstanceTenancy":"default","TagSpecifications":[{"ResourceType":"vpc","Tags":[{"Key":"Name","Value":"main"}]}]}""",
            input.ToJsonString());
    }

    [Fact]
    public void Nested_structures_bind_through_dots()
    {
        var input = Bind("ModifySecurityGroupRules",
            ("GroupId", "sg-1"),
            ("SecurityGroupRule.1.SecurityGroupRuleId", "sgr-1"),
            ("SecurityGroupRule.1.SecurityGroupRule.IpProtocol", "udp"),
            ("SecurityGroupRule.1.SecurityGroupRule.FromPort", "53"),
            ("SecurityGroupRule.1.SecurityGroupRule.CidrIpv4", "0.0.0.0/0"));

        Assert.Equal(
            """{"GroupId":"sg-1","SecurityGroupRules":[{"SecurityGroupRule":{"CidrIpv4":"0.0.0.0/0","FromPort":53,"IpProtocol":"udp"},"SecurityGroupRuleId":"sgr-1"}]}""",
            input.ToJsonString());
    }

    [Fact]
    public void Location_names_are_capitalised_and_member_names_used_when_there_is_none()
    {
        var tags = Bind("CreateTags", ("ResourceId.1", "vpc-1"), ("Tag.1.Key", "k"), ("Tag.1.Value", ""));
        var attribute = Bind("ModifyVpcAttribute", ("VpcId", "vpc-1"), ("EnableDnsHostnames.Value", "true"));
        var group = Bind("CreateSecurityGroup", ("GroupName", "web"), ("GroupDescription", "Web"), ("VpcId", "vpc-1"));

        Assert.Equal("""{"Resources":["vpc-1"],"Tags":[{"Key":"k","Value":""}]}""", tags.ToJsonString());
        Assert.Equal("""{"EnableDnsHostnames":{"Value":true},"VpcId":"vpc-1"}""", attribute.ToJsonString());
        Assert.Equal("""{"Description":"Web","GroupName":"web","VpcId":"vpc-1"}""", group.ToJsonString());
    }

    [Fact]
    public void List_items_are_ordered_by_their_numeric_index()
    {
        var parameters = Enumerable.Range(1, 11).Reverse().Select(i => ($"GroupId.{i}", $"sg-{i}")).ToArray();

        var input = Bind("DescribeSecurityGroups", parameters);

        Assert.Equal(
            Enumerable.Range(1, 11).Select(i => $"sg-{i}"),
            input["GroupIds"]!.AsArray().Select(id => id!.GetValue<string>()));
    }

    [Fact]
    public void Sparse_indexes_keep_their_order()
    {
        var input = Bind("DescribeVpcs", ("VpcId.10", "vpc-b"), ("VpcId.2", "vpc-a"));

        Assert.Equal("""{"VpcIds":["vpc-a","vpc-b"]}""", input.ToJsonString());
    }

    [Fact]
    public void An_empty_list_is_sent_as_its_bare_name()
    {
        var input = Bind("DescribeSecurityGroups", ("GroupId", ""));

        Assert.Equal("""{"GroupIds":[]}""", input.ToJsonString());
    }

    [Fact]
    public void An_operation_without_parameters_binds_to_an_empty_object()
    {
        Assert.Equal("{}", Bind("DescribeRegions").ToJsonString());
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("GroupIds.1")]
    [InlineData("IpPermissions.1.Bogus")]
    [InlineData("IpPermissions.1.UserIdGroupPairs.1.GroupId")]
    [InlineData("GroupId.1.Extra")]
    [InlineData("groupId")]
    public void A_parameter_that_matches_no_member_is_UnknownParameter(string key)
    {
        var error = BindFails("AuthorizeSecurityGroupIngress", ("GroupId", "sg-1"), (key, "x"));

        Assert.Equal("UnknownParameter", error.Code);
        Assert.Equal($"The parameter {key} is not recognized", error.Message);
    }

    [Theory]
    [InlineData("IpPermissions.1.FromPort", "http")]
    [InlineData("IpPermissions.1.FromPort", "22.5")]
    [InlineData("IpPermissions.1.FromPort", "")]
    [InlineData("IpPermissions.1.ToPort", "99999999999")]
    public void An_integer_that_does_not_parse_is_InvalidParameterValue(string key, string value)
    {
        var error = BindFails("AuthorizeSecurityGroupIngress", ("GroupId", "sg-1"), (key, value));

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal($"Invalid value '{value}' for {key}", error.Message);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("")]
    public void A_boolean_other_than_true_or_false_is_InvalidParameterValue(string value)
    {
        var error = BindFails("DescribeVpcs", ("DryRun", value));

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal($"Invalid value '{value}' for DryRun", error.Message);
    }

    [Theory]
    [InlineData("GroupId.0")]
    [InlineData("GroupId.-1")]
    [InlineData("GroupId.x")]
    [InlineData("GroupId.1x")]
    [InlineData("GroupId.")]
    public void An_index_that_is_not_a_positive_integer_is_InvalidParameterValue(string key)
    {
        var error = BindFails("DescribeSecurityGroups", (key, "sg-1"));

        Assert.Equal("InvalidParameterValue", error.Code);
    }

    [Fact]
    public void A_value_for_a_list_without_an_index_is_InvalidParameterValue()
    {
        var error = BindFails("DescribeSecurityGroups", ("GroupId", "sg-1"));

        Assert.Equal("InvalidParameterValue", error.Code);
    }

    [Fact]
    public void A_missing_top_level_required_member_is_MissingParameter_by_its_wire_name()
    {
        var error = BindFails("CreateSecurityGroup", ("GroupName", "web"));

        Assert.Equal("MissingParameter", error.Code);
        Assert.Equal("The request must contain the parameter GroupDescription", error.Message);
    }

    [Fact]
    public void Nested_required_members_are_left_to_validators()
    {
        var input = Bind("ModifySecurityGroupRules", ("GroupId", "sg-1"), ("SecurityGroupRule.1.SecurityGroupRule.IpProtocol", "tcp"));

        Assert.Equal("""{"GroupId":"sg-1","SecurityGroupRules":[{"SecurityGroupRule":{"IpProtocol":"tcp"}}]}""", input.ToJsonString());
    }

    [Fact]
    public void An_action_outside_the_model_is_InvalidAction()
    {
        var error = BindFails("CreateTransitGateway");

        Assert.Equal("InvalidAction", error.Code);
    }
}
