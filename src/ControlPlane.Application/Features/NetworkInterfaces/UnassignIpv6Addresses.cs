using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// Removes IPv6 addresses from an interface, freeing them in the subnet. Each must be assigned to the interface.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_UnassignIpv6Addresses.html
/// </summary>
public static class UnassignIpv6Addresses
{
    public sealed record Command : ICommand<Result>
    {
        public string? NetworkInterfaceId { get; init; }
        public IReadOnlyList<string>? Ipv6Addresses { get; init; }
        public IReadOnlyList<string>? Ipv6Prefixes { get; init; }
    }

    public sealed record Result(string NetworkInterfaceId, IReadOnlyList<string> UnassignedIpv6Addresses);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidInterfaceId(c => c.NetworkInterfaceId);
            RuleFor(c => c.Ipv6Prefixes).Null()
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("Prefix delegation (Ipv6Prefix) is not supported by ControlPlane."));
            RuleFor(c => c.Ipv6Addresses).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("Ipv6Addresses"));
            RuleForEach(c => c.Ipv6Addresses).Must(InterfaceRules.IsIpv6).WithAwsError((_, a) => Ec2Errors.InvalidIpAddress(a));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var eni = (await db.FindInterfaceAsync(command.NetworkInterfaceId!, cancellationToken)).RequireUserManaged();
            var removed = new List<string>();
            foreach (var text in command.Ipv6Addresses!)
            {
                var canonical = System.Net.IPAddress.Parse(text).ToString();
                if (removed.Contains(canonical)) continue;
                var address = eni.Ipv6Addresses.FirstOrDefault(a => a.Address == canonical) ?? throw Ec2Errors.AddressNotAssigned(text, eni.Id);
                db.NetworkInterfaceIpv6Addresses.Remove(address);
                removed.Add(canonical);
            }
            return new Result(eni.Id, removed);
        }, cancellationToken);
    }
}
