using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests;

public sealed class ViewContractTests
{
    [Theory]
    [InlineData(ClientProfile.Linux, 32768, 60999)]
    [InlineData(ClientProfile.Windows, 49152, 65535)]
    [InlineData(ClientProfile.NatGateway, 1024, 65535)]
    [InlineData(ClientProfile.Lambda, 1024, 65535)]
    public void Client_profiles_use_the_ephemeral_ranges_the_VPC_guide_lists(ClientProfile profile, int from, int to) =>
        Assert.Equal(new PortSpan(from, to), profile.EphemeralPorts());

    [Theory]
    [InlineData(100, false)]
    [InlineData(32766, false)]
    [InlineData(32767, true)]
    [InlineData(32768, true)]
    public void The_star_entries_are_the_rule_numbers_above_the_user_range(int ruleNumber, bool isDefaultDeny)
    {
        Assert.True(ControlPlane.Domain.Networking.Cidr.TryParse("0.0.0.0/0", out var any));
        Assert.Equal(isDefaultDeny, new NetworkAclEntryView(ruleNumber, false, -1, false, any).IsDefaultDeny);
    }
}
