using System.Buffers;
using System.Text.Json;
using System.Xml.Linq;

namespace ControlPlane.Protocols.Tests;

/// <summary>Golden EC2 responses, in the shape botocore's EC2QueryParser and the AWS SDKs read.</summary>
public sealed class QueryResponseWriterEc2Tests
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static readonly ServiceModel Ec2 = ServiceModel.Load("ec2");

    [Fact]
    public void DescribeSecurityGroups_nests_rules_peers_and_tags_under_their_location_names()
    {
        var result = new
        {
            SecurityGroups = new[] { WebGroup("sg-1") },
            NextToken = (string?)null,
        };

        Assert.Equal(
            Declaration +
            "<DescribeSecurityGroupsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>req-1</requestId>" +
            "<securityGroupInfo><item>" +
            "<groupDescription>Web &lt;tier&gt; &amp; co</groupDescription><groupId>sg-1</groupId><groupName>web</groupName>" +
            "<ipPermissions><item><fromPort>22</fromPort><ipProtocol>tcp</ipProtocol>" +
            "<ipRanges><item><cidrIp>10.0.0.0/8</cidrIp><description>ssh</description></item></ipRanges>" +
            "<ipv6Ranges/><prefixListIds/><toPort>22</toPort>" +
            "<groups><item><groupId>sg-2</groupId><userId>123456789012</userId></item></groups></item></ipPermissions>" +
            "<ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissionsEgress>" +
            "<ownerId>123456789012</ownerId><tagSet><item><key>Name</key><value>web</value></item></tagSet><vpcId>vpc-1</vpcId>" +
            "</item></securityGroupInfo></DescribeSecurityGroupsResponse>",
            TestModels.WriteResult(Ec2, "DescribeSecurityGroups", result));
    }

    [Fact]
    public void CreateVpc_writes_booleans_and_empty_lists_as_empty_elements()
    {
        var result = new
        {
            Vpc = new
            {
                CidrBlock = "10.0.0.0/16",
                CidrBlockAssociationSet = new[] { new { AssociationId = "vpc-cidr-assoc-1", CidrBlock = "10.0.0.0/16", CidrBlockState = new { State = "associated" } } },
                DhcpOptionsId = "default",
                InstanceTenancy = "default",
                Ipv6CidrBlockAssociationSet = Array.Empty<object>(),
                IsDefault = false,
                OwnerId = "123456789012",
                State = "pending",
                Tags = Array.Empty<object>(),
                VpcId = "vpc-1",
            },
        };

        Assert.Equal(
            Declaration +
            "<CreateVpcResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>req-1</requestId><vpc>" +
            "<cidrBlock>10.0.0.0/16</cidrBlock>" +
            "<cidrBlockAssociationSet><item><associationId>vpc-cidr-assoc-1</associationId><cidrBlock>10.0.0.0/16</cidrBlock><cidrBlockState><state>associated</state></cidrBlockState></item></cidrBlockAssociationSet>" +
            "<dhcpOptionsId>default</dhcpOptionsId><instanceTenancy>default</instanceTenancy><ipv6CidrBlockAssociationSet/><isDefault>false</isDefault>" +
            "<ownerId>123456789012</ownerId><state>pending</state><tagSet/><vpcId>vpc-1</vpcId>" +
            "</vpc></CreateVpcResponse>",
            TestModels.WriteResult(Ec2, "CreateVpc", result));
    }

    [Fact]
    public void An_operation_without_output_writes_only_the_request_id()
    {
        Assert.Equal(
            Declaration + "<DeleteVpcResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>req-1</requestId></DeleteVpcResponse>",
            TestModels.WriteResult(Ec2, "DeleteVpc", null));
    }

    [Fact]
    public void A_result_for_an_operation_without_output_must_be_empty()
    {
        Assert.EndsWith("<requestId>req-1</requestId></DeleteVpcResponse>", TestModels.WriteResult(Ec2, "DeleteVpc", new { }));
        Assert.Throws<InvalidOperationException>(() => TestModels.WriteResult(Ec2, "DeleteVpc", new { Return = true }));
    }

    [Fact]
    public void Return_members_are_written_as_return()
    {
        Assert.Equal(
            Declaration + "<DeleteSecurityGroupResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>req-1</requestId><groupId>sg-1</groupId><return>true</return></DeleteSecurityGroupResponse>",
            TestModels.WriteResult(Ec2, "DeleteSecurityGroup", new { Return = true, GroupId = "sg-1" }));
    }

    [Fact]
    public void Timestamps_are_written_in_UTC_with_milliseconds()
    {
        var result = new
        {
            NetworkInterfaces = new[]
            {
                new { Attachment = new { AttachTime = new DateTimeOffset(2026, 11, 24, 10, 0, 0, 123, TimeSpan.FromHours(1)), DeviceIndex = 0 } },
            },
        };

        Assert.Contains(
            "<networkInterfaceSet><item><attachment><attachTime>2026-11-24T09:00:00.123Z</attachTime><deviceIndex>0</deviceIndex></attachment></item></networkInterfaceSet>",
            TestModels.WriteResult(Ec2, "DescribeNetworkInterfaces", result));
    }

    [Fact]
    public void Text_is_decoded_from_JSON_and_escaped_for_XML()
    {
        var result = new { Vpc = new { VpcId = "vpc-é \"q\" 'a' \\ +", OwnerId = "line1\r\nline2" } };

        Assert.Contains(
            "<vpc><ownerId>line1&#xD;\nline2</ownerId><vpcId>vpc-é \"q\" 'a' \\ +</vpcId></vpc>",
            TestModels.WriteResult(Ec2, "CreateVpc", result));
    }

    [Fact]
    public void Error_is_the_EC2_Response_Errors_document()
    {
        Assert.Equal(
            Declaration + "<Response><Errors><Error><Code>InvalidGroup.NotFound</Code><Message>The security group 'sg-1' does not exist</Message></Error></Errors><RequestID>req-1</RequestID></Response>",
            TestModels.WriteError(Ec2, "InvalidGroup.NotFound", "The security group 'sg-1' does not exist"));
    }

    [Fact]
    public void Error_message_is_escaped()
    {
        Assert.Contains(
            "<Message>a &lt;b&gt; &amp; c</Message>",
            TestModels.WriteError(Ec2, "InvalidParameterValue", "a <b> & c"));
    }

    [Fact]
    public void A_result_property_outside_the_model_is_a_programming_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestModels.WriteResult(Ec2, "CreateVpc", new { Vpc = new { VpcId = "vpc-1", Id = "x" } }));

        Assert.Contains("'Id'", error.Message);
    }

    [Fact]
    public void A_result_of_the_wrong_kind_is_a_programming_error()
    {
        Assert.Throws<InvalidOperationException>(() => TestModels.WriteResult(Ec2, "CreateVpc", new { Vpc = "vpc-1" }));
        Assert.Throws<InvalidOperationException>(() => TestModels.WriteResult(Ec2, "DescribeVpcs", new { Vpcs = new { VpcId = "vpc-1" } }));
    }

    /// <summary>Speed is measured by the benchmarks (README, Performance); this checks the large answer is whole and well formed.</summary>
    [Fact]
    public void A_thousand_security_groups_with_five_rules_each_make_one_well_formed_document()
    {
        var result = JsonSerializer.SerializeToElement(new { SecurityGroups = Enumerable.Range(0, 1000).Select(i => WebGroup($"sg-{i:x17}", rules: 5)).ToArray() });
        var buffer = new ArrayBufferWriter<byte>(4 * 1024 * 1024);
        QueryResponseWriter.WriteResult(Ec2, "DescribeSecurityGroups", result, "req-1", buffer);

        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        XNamespace ns = Ec2.XmlNamespace;
        var items = document.Root!.Element(ns + "securityGroupInfo")!.Elements(ns + "item").ToList();
        Assert.Equal(1000, items.Count);
        Assert.All(items, i => Assert.Equal(5, i.Element(ns + "ipPermissions")!.Elements(ns + "item").Count()));
    }

    private static object WebGroup(string id, int rules = 1) => new
    {
        Description = "Web <tier> & co",
        GroupId = id,
        GroupName = "web",
        IpPermissions = Enumerable.Range(0, rules).Select(r => new
        {
            FromPort = 22 + r,
            IpProtocol = "tcp",
            IpRanges = new[] { new { CidrIp = "10.0.0.0/8", Description = "ssh" } },
            Ipv6Ranges = Array.Empty<object>(),
            PrefixListIds = Array.Empty<object>(),
            ToPort = 22 + r,
            UserIdGroupPairs = new[] { new { GroupId = "sg-2", UserId = "123456789012" } },
        }).ToArray(),
        IpPermissionsEgress = new[] { new { IpProtocol = "-1", IpRanges = new[] { new { CidrIp = "0.0.0.0/0" } } } },
        OwnerId = "123456789012",
        SecurityGroupArn = (string?)null,
        Tags = new[] { new { Key = "Name", Value = "web" } },
        VpcId = "vpc-1",
    };
}
