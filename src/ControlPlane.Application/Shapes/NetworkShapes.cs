namespace ControlPlane.Application.Shapes;

public sealed record IcmpTypeCode(int? Type, int? Code);

public sealed record PortRange(int? From, int? To);

public sealed record NetworkAclEntry(
    int RuleNumber,
    bool Egress,
    string Protocol,
    string RuleAction,
    string? CidrBlock,
    string? Ipv6CidrBlock,
    IcmpTypeCode? IcmpTypeCode,
    PortRange? PortRange);

public sealed record NetworkAclAssociation(string NetworkAclAssociationId, string NetworkAclId, string SubnetId);

public sealed record NetworkAcl(
    string NetworkAclId,
    string VpcId,
    string OwnerId,
    bool IsDefault,
    IReadOnlyList<NetworkAclEntry> Entries,
    IReadOnlyList<NetworkAclAssociation> Associations,
    IReadOnlyList<Tag> Tags);

public sealed record RouteTableAssociationState(string State, string? StatusMessage = null);

public sealed record RouteTableAssociation(
    string RouteTableAssociationId,
    string RouteTableId,
    bool Main,
    string? SubnetId,
    string? GatewayId,
    RouteTableAssociationState AssociationState);

public sealed record InternetGatewayAttachment(string State, string VpcId);

public sealed record InternetGateway(string InternetGatewayId, string OwnerId, IReadOnlyList<InternetGatewayAttachment> Attachments, IReadOnlyList<Tag> Tags);
