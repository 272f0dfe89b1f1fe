using ControlPlane.Application.Pipeline;

namespace ControlPlane.Application.Features.Sts;

/// <summary>
/// STS GetCallerIdentity answers the request's account: Terraform's provider asks it at configure time and compares
/// group-reference owners with it. https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
/// </summary>
[AwsService("sts")]
public static class GetCallerIdentity
{
    public sealed record Command : ICommand<Result>;

    public sealed record Result(string UserId, string Account, string Arn);

    public sealed class Handler(RequestContext request) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) =>
            Task.FromResult(new Result(request.AccountId, request.AccountId, $"arn:aws:iam::{request.AccountId}:root"));
    }
}
