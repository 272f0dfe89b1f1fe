using System.Security.Cryptography;
using System.Text;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Api.Sandbox;

/// <summary>
/// <c>ControlPlane:AdminToken</c>: when set, the sandbox endpoints answer only requests carrying it in the
/// <see cref="Header"/> header (403 otherwise). AWS credentials never count: the EC2 endpoint's callers sign with SigV4
/// and have no way to send this header through an AWS client. Unset (the default), the sandbox is open, as a local
/// emulator expects.
/// </summary>
public sealed class AdminToken(IConfiguration configuration)
{
    public const string Header = "X-ControlPlane-Admin-Token";
    public const string Setting = "ControlPlane:AdminToken";

    private readonly byte[]? _token = configuration[Setting] is { Length: > 0 } token ? Encoding.UTF8.GetBytes(token) : null;

    public bool Configured => _token is not null;

    /// <exception cref="AwsException">UnauthorizedOperation (403) when a token is configured and the request lacks it.</exception>
    public void Demand(HttpRequest request)
    {
        if (_token is null) return;
        var given = Encoding.UTF8.GetBytes(request.Headers[Header].ToString());
        if (!CryptographicOperations.FixedTimeEquals(given, _token)) throw Ec2Errors.AdminTokenRequired(Header);
    }
}
