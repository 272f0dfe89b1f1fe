namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// MAC addresses as AWS gives interfaces: unicast and locally administered, e.g. <c>0e:5d:2c:1f:a3:77</c>.
/// </summary>
public static class MacAddresses
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[5];
        Random.Shared.NextBytes(bytes);
        return "0e:" + string.Join(':', bytes.ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
