namespace ControlPlane.Protocols.Query;

/// <summary>A query parameter name split into its dot-separated segments (`IpPermissions.1.IpRanges.1.CidrIp`).</summary>
internal sealed class ParameterKey(string key)
{
    public string Text { get; } = key;

    public string[] Segments { get; } = key.Split('.');

    public int Length => Segments.Length;

    public string this[int index] => Segments[index];

    /// <summary>The key up to, not including, segment <paramref name="end"/>.</summary>
    public string Prefix(int end) => string.Join('.', Segments, 0, end);
}
