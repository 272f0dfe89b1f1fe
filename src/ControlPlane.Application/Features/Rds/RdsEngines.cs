namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// The engines ControlPlane accepts and what each implies: default port, a current default version, the parameter
/// group family, whether its instances live only in a DB cluster (Aurora, DocumentDB, Neptune), and the DNS domain of
/// its endpoints (DocumentDB and Neptune endpoints end in <c>docdb.amazonaws.com</c> / <c>neptune.amazonaws.com</c>).
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html (Engine, Port)
/// </summary>
public static class RdsEngines
{
    public sealed record Engine(string Name, int Port, string Version, string Family, bool ClusterOnly, string Domain, string LicenseModel);

    private static readonly Dictionary<string, Engine> Known = new Engine[]
    {
        new("postgres", 5432, "16.4", "postgres16", false, "rds", "postgresql-license"),
        new("mysql", 3306, "8.0.39", "mysql8.0", false, "rds", "general-public-license"),
        new("mariadb", 3306, "10.11.9", "mariadb10.11", false, "rds", "general-public-license"),
        new("aurora-mysql", 3306, "8.0.mysql_aurora.3.07.1", "aurora-mysql8.0", true, "rds", "general-public-license"),
        new("aurora-postgresql", 5432, "16.4", "aurora-postgresql16", true, "rds", "postgresql-license"),
        new("docdb", 27017, "5.0.0", "docdb5.0", true, "docdb", "na"),
        new("neptune", 8182, "1.3.2.1", "neptune1.3", true, "neptune", "amazon-license"),
        new("sqlserver-ex", 1433, "16.00.4135.4.v1", "sqlserver-ex-16.0", false, "rds", "license-included"),
        new("sqlserver-web", 1433, "16.00.4135.4.v1", "sqlserver-web-16.0", false, "rds", "license-included"),
        new("sqlserver-se", 1433, "16.00.4135.4.v1", "sqlserver-se-16.0", false, "rds", "license-included"),
        new("sqlserver-ee", 1433, "16.00.4135.4.v1", "sqlserver-ee-16.0", false, "rds", "license-included"),
        new("oracle-ee", 1521, "19.0.0.0.ru-2024-07.rur-2024-07.r1", "oracle-ee-19", false, "rds", "bring-your-own-license"),
        new("oracle-se2", 1521, "19.0.0.0.ru-2024-07.rur-2024-07.r1", "oracle-se2-19", false, "rds", "license-included"),
        new("oracle-ee-cdb", 1521, "19.0.0.0.ru-2024-07.rur-2024-07.r1", "oracle-ee-cdb-19", false, "rds", "bring-your-own-license"),
        new("oracle-se2-cdb", 1521, "19.0.0.0.ru-2024-07.rur-2024-07.r1", "oracle-se2-cdb-19", false, "rds", "license-included"),
        new("db2-se", 50000, "11.5.9.0.sb00000000.r1", "db2-se-11.5", false, "rds", "bring-your-own-license"),
        new("db2-ae", 50000, "11.5.9.0.sb00000000.r1", "db2-ae-11.5", false, "rds", "bring-your-own-license"),
    }.ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>Engines of CreateDBCluster: the cluster-only ones and the Multi-AZ DB cluster engines mysql and postgres.</summary>
    public static bool IsClusterEngine(string engine) => Find(engine) is { ClusterOnly: true } || IsMultiAzClusterEngine(engine);

    /// <summary>A Multi-AZ DB cluster: a writer and two readers, each a DB instance with its own interface, in three zones.</summary>
    public static bool IsMultiAzClusterEngine(string engine) => engine is "mysql" or "postgres";

    public static Engine? Find(string? engine) => engine is null ? null : Known.GetValueOrDefault(engine.ToLowerInvariant());
}
