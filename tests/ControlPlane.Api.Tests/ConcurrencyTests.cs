using System.Collections.Concurrent;
using Amazon.EC2.Model;
using Amazon.Runtime;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>
/// 16 clients authorise and revoke at once on shared groups. Afterwards every acknowledged rule that was not revoked
/// is present exactly once, no revoked rule remains, and a rule all clients race to add exists once (the others got
/// InvalidPermission.Duplicate).
/// </summary>
public abstract class ConcurrencyTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : ConcurrencyTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : ConcurrencyTests(e);

    private const int Clients = 16;
    private const int RulesPerClient = 6;

    [Fact]
    public async Task Sixteen_clients_leave_every_acknowledged_rule_exactly_once()
    {
        var account = emulator.NewAccount();
        var setup = emulator.Ec2(account);
        var vpc = (await setup.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var groups = new List<string>();
        for (var g = 0; g < 4; g++)
            groups.Add((await setup.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = $"shared-{g}", Description = "shared", VpcId = vpc })).GroupId);

        var kept = new ConcurrentBag<(string Group, int Port)>();
        var revoked = new ConcurrentBag<(string Group, int Port)>();
        var sharedWins = 0;
        var sharedDuplicates = 0;

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var ec2 = emulator.Ec2(account);
            var group = groups[client % groups.Count];
            try
            {
                await ec2.AuthorizeSecurityGroupIngressAsync(Ingress(groups[0], 22, "0.0.0.0/0"));
                Interlocked.Increment(ref sharedWins);
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "InvalidPermission.Duplicate")
            {
                Interlocked.Increment(ref sharedDuplicates);
            }
            for (var i = 0; i < RulesPerClient; i++)
            {
                var port = 10_000 + client * 100 + i;
                await ec2.AuthorizeSecurityGroupIngressAsync(Ingress(group, port, "10.1.0.0/16"));
                if (i % 2 == 0)
                {
                    await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group, IpPermissions = Ingress(group, port, "10.1.0.0/16").IpPermissions });
                    revoked.Add((group, port));
                }
                else
                {
                    kept.Add((group, port));
                }
            }
        })));

        Assert.Equal(1, sharedWins);
        Assert.Equal(Clients - 1, sharedDuplicates);
        var rules = (await setup.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
        {
            Filters = [new Filter("group-id", groups)],
        })).SecurityGroupRules.Where(r => r.IsEgress == false).ToList();
        var present = rules.Select(r => (r.GroupId, Port: r.FromPort ?? -1)).ToList();
        foreach (var rule in kept) Assert.Equal(1, present.Count(p => p == rule));
        foreach (var rule in revoked) Assert.DoesNotContain(rule, present);
        Assert.Equal(1, present.Count(p => p == (groups[0], 22)));
        Assert.Equal(kept.Count + 1, rules.Count);
        Assert.Equal(rules.Count, rules.Select(r => r.SecurityGroupRuleId).Distinct().Count());
    }

    private static AuthorizeSecurityGroupIngressRequest Ingress(string group, int port, string cidr) => new()
    {
        GroupId = group,
        IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = cidr }] }],
    };
}
