namespace ControlPlane.Benchmarks.Infrastructure;

/// <summary>Fixtures built through the API itself (raw form posts), once per benchmark, before anything is timed.</summary>
public static class Fixtures
{
    public const int ListingGroups = 1000;
    public const int RulesPerListedGroup = 5;

    public static async Task<string> CreateVpcAsync(Ec2Form ec2, string cidr) =>
        Ec2Form.Element(await ec2.CallAsync("CreateVpc", ("CidrBlock", cidr)), "vpcId");

    public static async Task<string> CreateGroupAsync(Ec2Form ec2, string name, string? vpcId = null)
    {
        (string, string)[] parameters = vpcId is null
            ? [("GroupName", name), ("GroupDescription", "benchmark group")]
            : [("GroupName", name), ("GroupDescription", "benchmark group"), ("VpcId", vpcId)];
        return Ec2Form.Element(await ec2.CallAsync("CreateSecurityGroup", parameters), "groupId");
    }

    /// <summary>One AuthorizeSecurityGroupIngress: TCP 443 from each CIDR (one rule per CIDR).</summary>
    public static Task<string> AuthorizeAsync(Ec2Form ec2, string groupId, IEnumerable<string> cidrs)
    {
        var parameters = new List<(string, string)>
        {
            ("GroupId", groupId), ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "443"), ("IpPermissions.1.ToPort", "443"),
        };
        var n = 0;
        foreach (var cidr in cidrs) parameters.Add(($"IpPermissions.1.IpRanges.{++n}.CidrIp", cidr));
        return ec2.CallAsync("AuthorizeSecurityGroupIngress", [.. parameters]);
    }

    /// <summary>A distinct /32 for every number (10.x.y.z).</summary>
    public static string Host32(int n) => $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}/32";

    public static async Task<List<string>> CreateGroupsAsync(Ec2Form ec2, int count, string prefix, string? vpcId = null, int rulesEach = 0)
    {
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var id = await CreateGroupAsync(ec2, $"{prefix}-{i:D4}", vpcId);
            if (rulesEach > 0) await AuthorizeAsync(ec2, id, Enumerable.Range(i * rulesEach, rulesEach).Select(Host32));
            ids.Add(id);
        }
        return ids;
    }
}
