using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Mq;

/// <summary>
/// The account's brokers in the region, oldest first, with NextToken/MaxResults paging (1-100, default 20).
/// https://docs.aws.amazon.com/amazon-mq/latest/api-reference/brokers.html#brokersget
/// </summary>
[AwsService("mq")]
public static class ListBrokers
{
    public sealed record Command : ICommand<Result>
    {
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
    }

    public sealed record Result(IReadOnlyList<BrokerSummaryShape> BrokerSummaries, string? NextToken);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.MaxResults).Must(n => n is null or >= 1 and <= 100)
                .WithAwsError((_, n) => MqErrors.BadRequest("maxResults", $"The value [{n}] of maxResults is invalid. It must be between 1 and 100."));
    }

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var rows = await store.ListAsync(Brokers.Service, Brokers.Kind, cancellationToken);
            var start = 0;
            if (!string.IsNullOrEmpty(command.NextToken))
            {
                start = rows.FindIndex(r => r.ResourceId == command.NextToken);
                if (start < 0) throw MqErrors.BadRequest("nextToken", $"The token [{command.NextToken}] is invalid.");
            }
            var size = command.MaxResults ?? 20;
            var page = rows.Skip(start).Take(size).Select(r =>
            {
                var doc = ServiceResourceStore.Read<BrokerDocument>(r);
                return new BrokerSummaryShape(r.Arn, r.ResourceId!, r.Name, r.State, r.CreatedAt, doc.DeploymentMode, doc.EngineType, doc.HostInstanceType);
            }).ToList();
            return new Result(page, start + size < rows.Count ? rows[start + size].ResourceId : null);
        }
    }
}
