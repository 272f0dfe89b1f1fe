using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// Removes secondary private IPv4 addresses from an interface, freeing them in the subnet. Each must be assigned to the
/// interface, and the primary address stays.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_UnassignPrivateIpAddresses.html
/// </summary>
public static class UnassignPrivateIpAddresses
{
    public sealed record Command : ICommand<Empty>
    {
        public string? NetworkInterfaceId { get; init; }
        public IReadOnlyList<string>? PrivateIpAddresses { get; init; }
        public IReadOnlyList<string>? Ipv4Prefixes { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidInterfaceId(c => c.NetworkInterfaceId);
            RuleFor(c => c.Ipv4Prefixes).Null()
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("Prefix delegation (Ipv4Prefix) is not supported by ControlPlane."));
            RuleFor(c => c.PrivateIpAddresses).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("PrivateIpAddress"));
            RuleForEach(c => c.PrivateIpAddresses).Must(InterfaceRules.IsIpv4).WithAwsError((_, a) => Ec2Errors.InvalidIpAddress(a));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var eni = (await db.FindInterfaceAsync(command.NetworkInterfaceId!, cancellationToken)).RequireUserManaged();
            foreach (var text in command.PrivateIpAddresses!.Distinct(StringComparer.Ordinal))
            {
                var address = eni.PrivateIpAddresses.FirstOrDefault(p => SameAddress(p.Address, text)) ?? throw Ec2Errors.AddressNotAssigned(text, eni.Id);
                if (address.Primary) throw Ec2Errors.PrimaryAddressCannotBeUnassigned(address.Address);
                db.NetworkInterfacePrivateIps.Remove(address);
            }
            return Empty.Instance;
        }, cancellationToken);

        private static bool SameAddress(string stored, string requested) =>
            Domain.Networking.Cidr.TryParseAddress(requested, out var value, out _) && Domain.Networking.Cidr.TryParseAddress(stored, out var other, out _) && value == other;
    }
}
