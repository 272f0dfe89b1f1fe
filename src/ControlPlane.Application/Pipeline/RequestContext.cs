namespace ControlPlane.Application.Pipeline;

/// <summary>
/// Who is asking and where: the account and region every row of the request is scoped to (DESIGN.md §2, §4).
/// Filled by the adapter from the SigV4 credential scope before any handler runs.
/// </summary>
public sealed class RequestContext
{
    public string AccountId { get; set; } = ControlPlaneOptions.DefaultAccount;
    public string Region { get; set; } = ControlPlaneOptions.DefaultRegionName;
    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public string Arn(string resourceType, string id) => $"arn:aws:ec2:{Region}:{AccountId}:{resourceType}/{id}";
}
