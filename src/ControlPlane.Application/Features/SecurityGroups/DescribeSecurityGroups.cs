using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SecurityGroup = ControlPlane.Domain.Model.SecurityGroup;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Lists groups with their rules grouped into IpPermissions, by id, by name (default VPC) and by filter. One query
/// loads the groups, one their rules and one their tags, whatever the number of groups (no query per group, and no
/// join: a VPC of 1,000 groups with 5 rules each is read in a few milliseconds).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html
/// </summary>
public static class DescribeSecurityGroups
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? GroupIds { get; init; }
        public IReadOnlyList<string>? GroupNames { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<Shapes.SecurityGroup> SecurityGroups, string? NextToken);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleForEach(c => c.GroupIds).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.SecurityGroup))
                .WithAwsError((_, id) => Ec2Errors.SecurityGroupIdMalformed(id));
    }

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags, RequestContext request) : IHandler<Command, Result>
    {
        private const int FewGroups = 50;

        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = SecurityGroupViews.GroupFilters.Compile(command.Filters);
            var (selected, narrowed) = Select(command);
            var groups = await selected.OrderBy(g => g.Id).ToListAsync(cancellationToken);
            Ids.RequireFound(command.GroupIds, groups.Select(g => g.Id), Ec2Errors.SecurityGroupsNotFound);
            if (command.GroupNames?.FirstOrDefault(n => !groups.Any(g => g.GroupName == n)) is { } missing)
                throw Ec2Errors.SecurityGroupNotFoundInDefaultVpc(missing);

            // A few groups (by id, or Terraform's vpc-id + group-name look-up) read only their rules and tags by id; a
            // listing reads the scope's rules and group tags in one plain query each (long id lists and correlated
            // subqueries cost more than the rows they save).
            var ids = groups.Select(g => g.Id).ToList();
            var few = narrowed && ids.Count <= FewGroups;
            var rules = db.SecurityGroupRules.AsNoTracking();
            if (few) rules = rules.Where(r => ids.Contains(r.GroupId));
            var byId = groups.ToDictionary(g => g.Id);
            foreach (var rule in await rules.ToListAsync(cancellationToken))
            {
                if (byId.TryGetValue(rule.GroupId, out var group)) group.Rules.Add(rule);
            }

            var tagsOf = few
                ? await tags.LoadAsync(ids, cancellationToken)
                : await tags.LoadAllAsync(SecurityGroupViews.GroupResourceType, cancellationToken);
            var groupNames = await GroupNamesAsync(groups, command.Filters, cancellationToken);
            var rows = groups.Select(g => new SecurityGroupViews.GroupRow(g, tagsOf(g.Id), groupNames)).Where(match);
            var page = Page.Take(rows, r => r.Group.Id, command);
            var peering = await SecurityGroupViews.LoadPeeringsAsync(db, request, page.Items.SelectMany(r => r.Group.Rules).ToList(),
                page.Items.ToDictionary(r => r.Group.Id, r => r.Group.VpcId), cancellationToken);
            return new Result(page.Items.Select(r => SecurityGroupViews.ToShape(r.Group, r.Tags, request, peering)).ToList(), page.NextToken);
        }

        /// <summary>
        /// Ids and names select groups (names only in the default VPC); plain vpc-id, group-id and group-name filter
        /// values narrow the query too (the filter table still decides).
        /// </summary>
        private (IQueryable<SecurityGroup> Query, bool Narrowed) Select(Command command)
        {
            var query = db.SecurityGroups.AsNoTracking();
            var narrowed = false;
            var ids = command.GroupIds ?? [];
            var names = command.GroupNames ?? [];
            if (ids.Count > 0 || names.Count > 0)
            {
                var defaultVpc = db.Vpcs.Where(v => v.IsDefault).Select(v => v.Id);
                (query, narrowed) = (query.Where(g => ids.Contains(g.Id) || (names.Contains(g.GroupName) && defaultVpc.Contains(g.VpcId))), true);
            }
            if (ExactFilterValues.Of(command.Filters, "vpc-id") is { } vpcIds) (query, narrowed) = (query.Where(g => vpcIds.Contains(g.VpcId)), true);
            if (ExactFilterValues.Of(command.Filters, "group-id") is { } groupIds) (query, narrowed) = (query.Where(g => groupIds.Contains(g.Id)), true);
            if (ExactFilterValues.Of(command.Filters, "group-name") is { } groupNames) (query, narrowed) = (query.Where(g => groupNames.Contains(g.GroupName)), true);
            return (query, narrowed);
        }

        /// <summary>The names of referenced groups, only when a filter asks for them.</summary>
        private async Task<IReadOnlyDictionary<string, string>> GroupNamesAsync(List<SecurityGroup> groups, IReadOnlyList<Filter>? filters,
            CancellationToken cancellationToken)
        {
            if (!SecurityGroupViews.NeedsGroupNames(filters)) return new Dictionary<string, string>();
            var referenced = groups.SelectMany(g => g.Rules).Select(r => r.ReferencedGroupId).OfType<string>().Distinct().ToList();
            return await db.SecurityGroups.AsNoTracking().Where(g => referenced.Contains(g.Id))
                .ToDictionaryAsync(g => g.Id, g => g.GroupName, cancellationToken);
        }
    }
}
