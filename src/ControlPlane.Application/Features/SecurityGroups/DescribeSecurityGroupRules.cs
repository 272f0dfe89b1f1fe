using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Lists rules one by one with their <c>sgr-</c> ids and tags, by id and by filter (Terraform reads its rule
/// resources back this way, by id or with the group-id filter).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroupRules.html
/// </summary>
public static class DescribeSecurityGroupRules
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged, IRuleIdRequest
    {
        public IReadOnlyList<string>? SecurityGroupRuleIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<Shapes.SecurityGroupRule> SecurityGroupRules, string? NextToken);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.WellFormedRuleIds();
    }

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags, RequestContext request) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = SecurityGroupViews.RuleFilters.Compile(command.Filters);
            var query = db.SecurityGroupRules.AsNoTracking();
            var narrowed = false;
            if (command.SecurityGroupRuleIds is { Count: > 0 } ids) (query, narrowed) = (query.Where(r => ids.Contains(r.Id)), true);
            if (ExactFilterValues.Of(command.Filters, "group-id") is { } groupIds) (query, narrowed) = (query.Where(r => groupIds.Contains(r.GroupId)), true);
            var rules = await query.OrderBy(r => r.Id).ToListAsync(cancellationToken);
            Ids.RequireFound(command.SecurityGroupRuleIds, rules.Select(r => r.Id), Ec2Errors.SecurityGroupRulesNotFound);

            var tagsOf = narrowed
                ? await tags.LoadAsync(rules.Select(r => r.Id).ToList(), cancellationToken)
                : await tags.LoadAllAsync(SecurityGroupViews.RuleResourceType, cancellationToken);
            var page = Page.Take(rules.Select(r => new SecurityGroupViews.RuleRow(r, tagsOf(r.Id))).Where(match), r => r.Rule.Id, command);
            var peering = await SecurityGroupViews.LoadPeeringsAsync(db, request, page.Items.Select(r => r.Rule).ToList(), null, cancellationToken);
            return new Result(page.Items.Select(r => SecurityGroupViews.ToRuleShape(r.Rule, r.Tags, request, peering)).ToList(), page.NextToken);
        }
    }
}
