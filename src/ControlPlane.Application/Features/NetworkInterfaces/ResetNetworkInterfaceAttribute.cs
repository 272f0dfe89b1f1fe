using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using FluentValidation;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// Resets the source/destination check to its default, enabled: the only attribute AWS resets. The model types
/// <c>SourceDestCheck</c> as a string naming the attribute; any value asks for the reset.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ResetNetworkInterfaceAttribute.html
/// </summary>
public static class ResetNetworkInterfaceAttribute
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? NetworkInterfaceId { get; init; }
        public string? SourceDestCheck { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidInterfaceId(c => c.NetworkInterfaceId);
            RuleFor(c => c.SourceDestCheck).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("SourceDestCheck"));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var eni = (await db.FindInterfaceAsync(command.NetworkInterfaceId!, cancellationToken)).RequireUserManaged();
            eni.SourceDestCheck = true;
            return Empty.Instance;
        }, cancellationToken);
    }
}
