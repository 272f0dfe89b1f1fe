namespace ControlPlane.Reachability.Compiled;

/// <summary>
/// Whether an ACL or a route table treats every address of a subnet alike, so a decision for one address of the subnet
/// holds for all of them (the many-pair answers then decide once per subnet). An ACL does when each of its entries'
/// blocks contains the subnet's block or misses it entirely. A route table does when its routes' blocks do, and so do
/// the blocks the route's target checks the address against: its VPC's blocks (local route), the peering connections'
/// sides, and the RFC 1918 / RFC 6598 ranges an internet gateway refuses.
/// </summary>
internal sealed class SubnetUniformity
{
    private static readonly Block[] NonPublic =
    [
        Block.Of(Cidr("10.0.0.0/8")), Block.Of(Cidr("172.16.0.0/12")), Block.Of(Cidr("192.168.0.0/16")), Block.Of(Cidr("100.64.0.0/10")),
    ];

    private readonly bool[][] _acls;
    private readonly bool[][] _tables;

    public SubnetUniformity(IReadOnlyList<CompiledAcl> acls, IReadOnlyList<CompiledRouteTable> tables, IReadOnlyCollection<CompiledSubnet> subnets,
        IReadOnlyDictionary<string, CompiledVpc> vpcs, IReadOnlyDictionary<string, CompiledPeering> peerings)
    {
        _acls = new bool[acls.Count][];
        foreach (var acl in acls)
        {
            _acls[acl.Index] = Grid(subnets, (block, ipv6) =>
                new[] { false, true }.All(egress => acl.Entries(egress, ipv6).All(e => Alike(e.Block, block))));
        }
        _tables = new bool[tables.Count][];
        foreach (var table in tables)
        {
            var checkedBlocks = table.Blocks
                .Concat(vpcs.TryGetValue(table.View.VpcId, out var vpc) ? vpc.Blocks : [])
                .Concat(table.View.Routes.Where(r => peerings.ContainsKey(r.TargetId)).SelectMany(r => peerings[r.TargetId].Blocks))
                .Concat(NonPublic)
                .ToArray();
            _tables[table.Index] = Grid(subnets, (block, _) => checkedBlocks.All(b => Alike(b, block)));
        }
    }

    public bool Acl(CompiledAcl acl, CompiledSubnet subnet, bool ipv6) => _acls[acl.Index][Slot(subnet, ipv6)];

    public bool Routes(CompiledRouteTable table, CompiledSubnet subnet, bool ipv6) => _tables[table.Index][Slot(subnet, ipv6)];

    private static int Slot(CompiledSubnet subnet, bool ipv6) => subnet.Index * 2 + (ipv6 ? 1 : 0);

    private static bool[] Grid(IReadOnlyCollection<CompiledSubnet> subnets, Func<Block, bool, bool> alike)
    {
        var grid = new bool[subnets.Count * 2];
        foreach (var subnet in subnets)
        {
            foreach (var ipv6 in new[] { false, true })
            {
                grid[Slot(subnet, ipv6)] = subnet.BlockOf(ipv6) is { } block && alike(block, ipv6);
            }
        }
        return grid;
    }

    /// <summary>A block either holds all of the subnet's block or none of it (blocks of the other family hold none).</summary>
    private static bool Alike(Block block, Block subnet) =>
        block.Ipv6 != subnet.Ipv6 || (block.Low <= subnet.Low && subnet.High <= block.High) || block.High < subnet.Low || block.Low > subnet.High;

    private static Domain.Networking.Cidr Cidr(string text) =>
        Domain.Networking.Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException(text, nameof(text));
}
