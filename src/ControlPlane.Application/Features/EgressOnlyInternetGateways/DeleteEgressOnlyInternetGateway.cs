using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.EgressOnlyInternetGateways;

/// <summary>
/// Deletes an egress-only internet gateway; an unknown one is InvalidGatewayID.NotFound (the code Terraform treats as
/// already deleted). Routes to it stay and show <c>blackhole</c>.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteEgressOnlyInternetGateway.html
/// </summary>
public static class DeleteEgressOnlyInternetGateway
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? EgressOnlyInternetGatewayId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(bool ReturnCode);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.EgressOnlyInternetGatewayId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("EgressOnlyInternetGatewayId"));
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.EgressOnlyInternetGatewayId!;
            var gateway = await db.EgressOnlyInternetGateways.FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
                ?? throw Ec2Errors.EgressOnlyInternetGatewayNotFound(id);
            await tags.RemoveAllAsync(id, cancellationToken);
            db.EgressOnlyInternetGateways.Remove(gateway);
            return new Result(true);
        }, cancellationToken);
    }
}
