using System.Text.Json;
using System.Text.Json.Serialization;

namespace ControlPlane.Application.Sandbox;

/// <summary>
/// The state document (<c>GET</c>/<c>POST /_controlplane/state</c>), version 1:
/// <code>
/// { "format": "controlplane-state", "formatVersion": 1,
///   "scopes": [ { "accountId": "000000000000", "region": "us-east-1",
///                 "resources": { "vpcs": [ { "id": "vpc-…", "cidrBlock": "10.0.0.0/16", … } ], "subnets": [ … ], … } } ],
///   "shared": { "vpc_peering_connections": [ … ] } }
/// </code>
/// Resources are keyed by table name; each row holds the entity's stored columns (camelCase), without the scope
/// columns of scoped rows and without store-generated ids. <c>shared</c> holds rows that belong to several scopes
/// (a peering connection's two sides) or to none.
/// </summary>
public static class StateDocument
{
    public const string Format = "controlplane-state";
    public const int FormatVersion = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ColumnName(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);
}

/// <summary>What an import created, per scope.</summary>
public sealed record ImportReport(IReadOnlyList<ImportedScope> Scopes, int SharedRows);

public sealed record ImportedScope(string AccountId, string Region, int Rows);
