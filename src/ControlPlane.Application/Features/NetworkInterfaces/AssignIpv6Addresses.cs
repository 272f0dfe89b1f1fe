using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// Adds IPv6 addresses from the subnet's /64 to an interface: given ones (in the block, not reserved, free) or a count
/// drawn at random. A subnet without an IPv6 block has none to give.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssignIpv6Addresses.html
/// </summary>
public static class AssignIpv6Addresses
{
    public sealed record Command : ICommand<Result>
    {
        public string? NetworkInterfaceId { get; init; }
        public IReadOnlyList<string>? Ipv6Addresses { get; init; }
        public int? Ipv6AddressCount { get; init; }
        public IReadOnlyList<string>? Ipv6Prefixes { get; init; }
        public int? Ipv6PrefixCount { get; init; }
    }

    public sealed record Result(string NetworkInterfaceId, IReadOnlyList<string> AssignedIpv6Addresses);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidInterfaceId(c => c.NetworkInterfaceId);
            RuleFor(c => c.Ipv6Prefixes == null && c.Ipv6PrefixCount == null).Equal(true)
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("Prefix delegation (Ipv6Prefix) is not supported by ControlPlane."));
            RuleFor(c => (c.Ipv6Addresses == null ? 0 : 1) + (c.Ipv6AddressCount == null ? 0 : 1)).Equal(1)
                .WithAwsError((_, n) => n == 0
                    ? Ec2Errors.MissingParameter("Ipv6Addresses or Ipv6AddressCount")
                    : Ec2Errors.InvalidParameterCombination("The parameter ipv6AddressCount cannot be used with the parameter ipv6Addresses."));
            RuleForEach(c => c.Ipv6Addresses).Must(InterfaceRules.IsIpv6).WithAwsError((_, a) => Ec2Errors.InvalidIpAddress(a));
            RuleFor(c => c.Ipv6AddressCount).InclusiveBetween(1, InterfaceQueries.MaxAddressesPerInterface)
                .WithAwsError((_, n) => Ec2Errors.InvalidParameterValue($"{n}", "ipv6AddressCount"));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var eni = (await db.FindInterfaceAsync(command.NetworkInterfaceId!, cancellationToken)).RequireUserManaged();
            var subnet = await db.Subnets.AsNoTracking().Include(s => s.Ipv6CidrBlocks).FirstAsync(s => s.Id == eni.SubnetId, cancellationToken);
            var block = InterfaceQueries.Ipv6Block(subnet);
            var own = eni.Ipv6Addresses.Select(a => a.Address).ToHashSet(StringComparer.Ordinal);
            var requested = (command.Ipv6Addresses ?? []).Select(a => block.RequireAssignable(a, subnet.Id)).Distinct(StringComparer.Ordinal).ToList();
            var added = requested.Where(a => !own.Contains(a)).ToList();
            var count = command.Ipv6AddressCount ?? 0;
            if (own.Count + added.Count + count > InterfaceQueries.MaxAddressesPerInterface)
                throw Ec2Errors.PrivateIpAddressLimitExceeded(InterfaceQueries.MaxAddressesPerInterface);

            var taken = block.TakeIpv6(await db.UsedIpv6Async(subnet.Id, cancellationToken), added, count, subnet.Id);
            eni.Ipv6Addresses.AddRange(taken.Select(a => new NetworkInterfaceIpv6Address { NetworkInterfaceId = eni.Id, SubnetId = subnet.Id, Address = a }));
            return new Result(eni.Id, requested.Where(own.Contains).Concat(taken).ToList());
        }, cancellationToken);
    }
}
