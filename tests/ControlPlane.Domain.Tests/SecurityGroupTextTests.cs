using ControlPlane.Domain.SecurityGroups;

namespace ControlPlane.Domain.Tests;

public sealed class SecurityGroupTextTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("web tier (prod) #1")]
    [InlineData("a._-:/()#,@[]+=&;{}!$*z")]
    [InlineData("")]
    public void Group_text_accepts_AWS_characters(string text) => Assert.True(SecurityGroupText.IsValidGroupText(text));

    [Theory]
    [InlineData("café")]
    [InlineData("tab\there")]
    [InlineData("semi'quote")]
    [InlineData("a\"b")]
    [InlineData("percent%")]
    [InlineData("back\\slash")]
    [InlineData("<tag>")]
    public void Group_text_rejects_other_characters(string text) => Assert.False(SecurityGroupText.IsValidGroupText(text));

    [Fact]
    public void Group_text_is_at_most_255_characters()
    {
        Assert.True(SecurityGroupText.IsValidGroupText(new string('a', 255)));
        Assert.False(SecurityGroupText.IsValidGroupText(new string('a', 256)));
    }

    [Fact]
    public void Rule_descriptions_do_not_allow_the_ampersand()
    {
        Assert.True(SecurityGroupText.IsValidRuleDescription("ssh from the office (HQ) #2"));
        Assert.False(SecurityGroupText.IsValidRuleDescription("ssh & rdp"));
        Assert.True(SecurityGroupText.IsValidGroupText("ssh & rdp"));
        Assert.False(SecurityGroupText.IsValidRuleDescription(new string('d', 256)));
    }

    [Theory]
    [InlineData("sg-123", true)]
    [InlineData("sg-", true)]
    [InlineData("sg", false)]
    [InlineData("my-sg-1", false)]
    [InlineData("SG-123", false)]
    public void Names_may_not_look_like_group_ids(string name, bool looksLikeId) =>
        Assert.Equal(looksLikeId, SecurityGroupText.LooksLikeGroupId(name));

    [Theory]
    [InlineData("default", true)]
    [InlineData("default2", false)]
    [InlineData("web", false)]
    public void Default_is_reserved(string name, bool reserved) => Assert.Equal(reserved, SecurityGroupText.IsReservedName(name));

    [Theory]
    [InlineData("web  ", "web")]
    [InlineData("  web", "  web")]
    [InlineData("web", "web")]
    public void Trailing_spaces_are_dropped_from_names(string name, string trimmed) => Assert.Equal(trimmed, SecurityGroupText.TrimName(name));
}
