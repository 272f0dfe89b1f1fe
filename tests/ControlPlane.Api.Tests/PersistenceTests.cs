using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests;

/// <summary>Restarting the emulator keeps every resource, on both stores.</summary>
public abstract class PersistenceTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : PersistenceTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : PersistenceTests(e);

    [Fact]
    public async Task State_survives_a_restart()
    {
        var account = emulator.NewAccount();
        var ec2 = emulator.Ec2(account);
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
        var group = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "db", Description = "db", VpcId = vpc })).GroupId;
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/16" }] }],
        });
        var before = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] });

        await emulator.RestartAsync();
        ec2 = emulator.Ec2(account);

        Assert.Single((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] })).Vpcs);
        Assert.Single((await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet] })).Subnets);
        var after = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] });
        var rule = Assert.Single(after.SecurityGroups[0].IpPermissions);
        Assert.Equal(5432, rule.FromPort);
        Assert.Equal(before.SecurityGroups[0].IpPermissions[0].Ipv4Ranges[0].CidrIp, rule.Ipv4Ranges[0].CidrIp);
        Assert.Single((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Amazon.EC2.Model.Filter("is-default", ["true"])] })).Vpcs);
    }
}
