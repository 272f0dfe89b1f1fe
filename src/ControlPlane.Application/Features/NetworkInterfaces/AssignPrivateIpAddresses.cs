using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// Adds secondary private IPv4 addresses to an interface: given ones (each in the subnet, not reserved, free) or a
/// count of the lowest free ones. An address another interface holds moves here only with AllowReassignment, and
/// never when it is that interface's primary.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssignPrivateIpAddresses.html
/// </summary>
public static class AssignPrivateIpAddresses
{
    public sealed record Command : ICommand<Result>
    {
        public string? NetworkInterfaceId { get; init; }
        public IReadOnlyList<string>? PrivateIpAddresses { get; init; }
        public int? SecondaryPrivateIpAddressCount { get; init; }
        public bool? AllowReassignment { get; init; }
        public IReadOnlyList<string>? Ipv4Prefixes { get; init; }
        public int? Ipv4PrefixCount { get; init; }
    }

    public sealed record Result(string NetworkInterfaceId, IReadOnlyList<InterfaceShapes.AssignedPrivateIpAddress> AssignedPrivateIpAddresses);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidInterfaceId(c => c.NetworkInterfaceId);
            RuleFor(c => c.Ipv4Prefixes == null && c.Ipv4PrefixCount == null).Equal(true)
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("Prefix delegation (Ipv4Prefix) is not supported by ControlPlane."));
            RuleFor(c => (c.PrivateIpAddresses == null ? 0 : 1) + (c.SecondaryPrivateIpAddressCount == null ? 0 : 1)).Equal(1)
                .WithAwsError((_, n) => n == 0
                    ? Ec2Errors.MissingParameter("PrivateIpAddress or SecondaryPrivateIpAddressCount")
                    : Ec2Errors.InvalidParameterCombination("The parameter secondaryPrivateIpAddressCount cannot be used with the parameter privateIpAddress."));
            RuleForEach(c => c.PrivateIpAddresses).Must(InterfaceRules.IsIpv4).WithAwsError((_, a) => Ec2Errors.InvalidIpAddress(a));
            RuleFor(c => c.SecondaryPrivateIpAddressCount).InclusiveBetween(1, InterfaceQueries.MaxAddressesPerInterface)
                .WithAwsError((_, n) => Ec2Errors.InvalidParameterValue($"{n}", "secondaryPrivateIpAddressCount"));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var eni = (await db.FindInterfaceAsync(command.NetworkInterfaceId!, cancellationToken)).RequireUserManaged();
            var subnet = await db.Subnets.AsNoTracking().FirstAsync(s => s.Id == eni.SubnetId, cancellationToken);
            var block = InterfaceQueries.Ipv4Block(subnet);
            var own = eni.PrivateIpAddresses.Select(p => p.Address).ToHashSet(StringComparer.Ordinal);
            var requested = (command.PrivateIpAddresses ?? []).Select(a => block.RequireAssignable(a, subnet.Id)).Distinct(StringComparer.Ordinal).ToList();
            var added = requested.Where(a => !own.Contains(a)).ToList();
            var count = command.SecondaryPrivateIpAddressCount ?? 0;
            if (own.Count + added.Count + count > InterfaceQueries.MaxAddressesPerInterface)
                throw Ec2Errors.PrivateIpAddressLimitExceeded(InterfaceQueries.MaxAddressesPerInterface);

            if (command.AllowReassignment == true) await TakeOverAsync(added, eni.Id, subnet.Id, cancellationToken);
            var used = await db.UsedIpv4Async(subnet.Id, cancellationToken);
            var taken = block.TakeIpv4(used, added, count, subnet.Id);
            eni.PrivateIpAddresses.AddRange(taken.Select(a => new NetworkInterfacePrivateIp { NetworkInterfaceId = eni.Id, SubnetId = subnet.Id, Address = a }));
            var assigned = requested.Where(own.Contains).Concat(taken).Select(a => new InterfaceShapes.AssignedPrivateIpAddress(a)).ToList();
            return new Result(eni.Id, assigned);
        }, cancellationToken);

        /// <summary>Frees the given addresses where other interfaces hold them as secondary addresses (reassignment).</summary>
        private async Task TakeOverAsync(List<string> addresses, string interfaceId, string subnetId, CancellationToken cancellationToken)
        {
            var held = await db.NetworkInterfacePrivateIps.AsNoTracking()
                .Where(p => p.SubnetId == subnetId && p.NetworkInterfaceId != interfaceId && addresses.Contains(p.Address)).ToListAsync(cancellationToken);
            if (held.FirstOrDefault(p => p.Primary) is { } primary) throw Ec2Errors.PrimaryAddressCannotBeReassigned(primary.Address);
            var moved = held.Select(p => p.Address).ToList();
            await db.NetworkInterfacePrivateIps.Where(p => p.SubnetId == subnetId && moved.Contains(p.Address)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
