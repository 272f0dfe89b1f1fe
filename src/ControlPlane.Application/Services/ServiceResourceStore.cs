using System.Text.Json;
using System.Text.Json.Serialization;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Services;

/// <summary>
/// The rows of other services' resources (<see cref="ServiceResource"/>) for the request's scope, with each
/// service's attributes read and written as a typed record. Changes are saved by the surrounding <see cref="ScopeWriter"/>.
/// </summary>
public sealed class ServiceResourceStore(ControlPlaneDbContext db, RequestContext request, TimeProvider clock)
{
    private static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string AccountId => request.AccountId;
    public string Region => request.Region;
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary><c>arn:aws:{service}:{region}:{account}:{resource}</c> in the request's scope.</summary>
    public string Arn(string service, string resource) => $"arn:aws:{service}:{request.Region}:{request.AccountId}:{resource}";

    public Task<ServiceResource?> FindAsync(string service, string kind, string name, CancellationToken cancellationToken) =>
        db.ServiceResources.FirstOrDefaultAsync(r => r.Service == service && r.Kind == kind && r.Name == name, cancellationToken);

    public Task<ServiceResource?> FindByArnAsync(string arn, CancellationToken cancellationToken) =>
        db.ServiceResources.FirstOrDefaultAsync(r => r.Arn == arn, cancellationToken);

    public Task<ServiceResource?> FindByResourceIdAsync(string service, string kind, string resourceId, CancellationToken cancellationToken) =>
        db.ServiceResources.FirstOrDefaultAsync(r => r.Service == service && r.Kind == kind && r.ResourceId == resourceId, cancellationToken);

    /// <summary>Every resource of a kind, oldest first (then by name), the order AWS's describe calls list them in.</summary>
    public async Task<List<ServiceResource>> ListAsync(string service, string kind, CancellationToken cancellationToken) =>
        Oldest(await db.ServiceResources.Where(r => r.Service == service && r.Kind == kind).ToListAsync(cancellationToken));

    public async Task<List<ServiceResource>> ChildrenAsync(string parentArn, CancellationToken cancellationToken) =>
        Oldest(await db.ServiceResources.Where(r => r.ParentArn == parentArn).ToListAsync(cancellationToken));

    /// <summary>Sorted here: SQLite cannot order by a DateTimeOffset column, and collations differ between the stores.</summary>
    private static List<ServiceResource> Oldest(List<ServiceResource> rows) =>
        rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

    public Task<int> CountAsync(string service, string kind, CancellationToken cancellationToken) =>
        db.ServiceResources.CountAsync(r => r.Service == service && r.Kind == kind, cancellationToken);

    public ServiceResource Add<TDocument>(string service, string kind, string name, string arn, TDocument document,
        string? vpcId = null, string? parentArn = null, string state = "available", string? resourceId = null, DateTimeOffset? createdAt = null)
    {
        var resource = new ServiceResource
        {
            AccountId = request.AccountId, Region = request.Region, Arn = arn, Service = service, Kind = kind, Name = name,
            ResourceId = resourceId, VpcId = vpcId, ParentArn = parentArn, State = state, CreatedAt = createdAt ?? clock.GetUtcNow(),
        };
        Write(resource, document);
        db.ServiceResources.Add(resource);
        return resource;
    }

    public void Remove(ServiceResource resource) => db.ServiceResources.Remove(resource);

    public static TDocument Read<TDocument>(ServiceResource resource) =>
        JsonSerializer.Deserialize<TDocument>(resource.Document, DocumentJson)
            ?? throw new InvalidOperationException($"{resource.Arn} has no {typeof(TDocument).Name} document.");

    public static void Write<TDocument>(ServiceResource resource, TDocument document) =>
        resource.Document = JsonSerializer.Serialize(document, DocumentJson);
}
