using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Subnets;

/// <summary>One attribute per call. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySubnetAttribute.html</summary>
public static class ModifySubnetAttribute
{
    public sealed record Command : ICommand<Empty>
    {
        public string? SubnetId { get; init; }
        public AttributeBooleanValue? AssignIpv6AddressOnCreation { get; init; }
        public AttributeBooleanValue? MapPublicIpOnLaunch { get; init; }
        public AttributeBooleanValue? MapCustomerOwnedIpOnLaunch { get; init; }
        public string? CustomerOwnedIpv4Pool { get; init; }
        public AttributeBooleanValue? EnableDns64 { get; init; }
        public string? PrivateDnsHostnameTypeOnLaunch { get; init; }
        public AttributeBooleanValue? EnableResourceNameDnsARecordOnLaunch { get; init; }
        public AttributeBooleanValue? EnableResourceNameDnsAAAARecordOnLaunch { get; init; }
        public int? EnableLniAtDeviceIndex { get; init; }
        public AttributeBooleanValue? DisableLniAtDeviceIndex { get; init; }

        public IEnumerable<object> Given() => new object?[]
        {
            AssignIpv6AddressOnCreation, MapPublicIpOnLaunch, MapCustomerOwnedIpOnLaunch, EnableDns64, PrivateDnsHostnameTypeOnLaunch,
            EnableResourceNameDnsARecordOnLaunch, EnableResourceNameDnsAAAARecordOnLaunch, EnableLniAtDeviceIndex, DisableLniAtDeviceIndex,
        }.OfType<object>();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SubnetId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Subnet)).WithAwsError((_, id) => Ec2Errors.SubnetIdMalformed(id));
            RuleFor(c => c.Given().Count()).Equal(1).WithAwsError((_, n) => n == 0
                ? Ec2Errors.MissingParameter("an attribute to modify")
                : Ec2Errors.InvalidParameterCombination("Only one attribute can be modified at a time."));
            RuleFor(c => c).Must(c => c.Given().OfType<AttributeBooleanValue>().All(a => a.Value is not null))
                .WithAwsError((_, _) => Ec2Errors.MissingParameter("Value"));
            RuleFor(c => c.PrivateDnsHostnameTypeOnLaunch).Must(t => t is null or "ip-name" or "resource-name")
                .WithAwsError((_, t) => Ec2Errors.InvalidParameterValue(t!, "PrivateDnsHostnameTypeOnLaunch"));
            RuleFor(c => c.MapCustomerOwnedIpOnLaunch).Null()
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("Customer-owned IP pools (Outposts) are not supported by ControlPlane."));
            RuleFor(c => c.EnableLniAtDeviceIndex ?? (object?)c.DisableLniAtDeviceIndex).Null()
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("Local network interfaces (Outposts) are not supported by ControlPlane."));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var subnet = await db.Subnets.Include(s => s.Ipv6CidrBlocks).FirstOrDefaultAsync(s => s.Id == command.SubnetId, cancellationToken)
                ?? throw Ec2Errors.SubnetNotFound(command.SubnetId!);
            if (command.AssignIpv6AddressOnCreation?.Value is { } assign)
            {
                if (assign && subnet.Ipv6CidrBlocks.Count == 0)
                    throw Ec2Errors.InvalidParameterValue($"Invalid value 'true' for assignIpv6AddressOnCreation. Cannot set assignIpv6AddressOnCreation to true unless the subnet ({subnet.Id}) has an IPv6 CIDR block associated with it.");
                subnet.AssignIpv6AddressOnCreation = assign;
            }
            if (command.MapPublicIpOnLaunch?.Value is { } map) subnet.MapPublicIpOnLaunch = map;
            if (command.EnableDns64?.Value is { } dns64) subnet.EnableDns64 = dns64;
            if (command.PrivateDnsHostnameTypeOnLaunch is { } type) subnet.PrivateDnsHostnameTypeOnLaunch = type;
            if (command.EnableResourceNameDnsARecordOnLaunch?.Value is { } a) subnet.EnableResourceNameDnsARecordOnLaunch = a;
            if (command.EnableResourceNameDnsAAAARecordOnLaunch?.Value is { } aaaa) subnet.EnableResourceNameDnsAaaaRecordOnLaunch = aaaa;
            return Empty.Instance;
        }, cancellationToken);
    }
}
