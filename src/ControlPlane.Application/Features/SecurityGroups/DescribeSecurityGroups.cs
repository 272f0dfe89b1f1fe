using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Lists groups with their rules grouped into IpPermissions, by id, by name (default VPC) and by filter. Two queries
/// load the groups and their rules and one their tags, whatever the number of groups (no query per group).
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
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = SecurityGroupViews.GroupFilters.Compile(command.Filters);
            var query = db.SecurityGroups.AsNoTracking().AsSplitQuery().Include(g => g.Rules);
            var groups = await Select(query, command).OrderBy(g => g.Id).ToListAsync(cancellationToken);
            Ids.RequireFound(command.GroupIds, groups.Select(g => g.Id), Ec2Errors.SecurityGroupsNotFound);
            if (command.GroupNames is { Count: > 0 } names && names.FirstOrDefault(n => !groups.Any(g => g.GroupName == n)) is { } missing)
                throw Ec2Errors.SecurityGroupNotFoundInDefaultVpc(missing);

            var tagsOf = command.GroupIds is { Count: > 0 } || command.GroupNames is { Count: > 0 }
                ? await tags.LoadAsync(groups.Select(g => g.Id).ToList(), cancellationToken)
                : await tags.LoadAllAsync(SecurityGroupViews.GroupResourceType, cancellationToken);
            var groupNames = await GroupNamesAsync(groups, command.Filters, cancellationToken);
            var rows = groups.Select(g => new SecurityGroupViews.GroupRow(g, tagsOf(g.Id), groupNames)).Where(match);
            var page = Page.Take(rows, r => r.Group.Id, command);
            return new Result(page.Items.Select(r => SecurityGroupViews.ToShape(r.Group, r.Tags, request)).ToList(), page.NextToken);
        }

        /// <summary>Ids and names narrow the query; names only find groups of the default VPC.</summary>
        private IQueryable<Domain.Model.SecurityGroup> Select(IQueryable<Domain.Model.SecurityGroup> query, Command command)
        {
            var ids = command.GroupIds ?? [];
            var names = command.GroupNames ?? [];
            if (ids.Count == 0 && names.Count == 0) return query;
            var defaultVpc = db.Vpcs.Where(v => v.IsDefault).Select(v => v.Id);
            return query.Where(g => ids.Contains(g.Id) || (names.Contains(g.GroupName) && defaultVpc.Contains(g.VpcId)));
        }

        /// <summary>The names of referenced groups, only when a filter asks for them.</summary>
        private async Task<IReadOnlyDictionary<string, string>> GroupNamesAsync(List<Domain.Model.SecurityGroup> groups, IReadOnlyList<Filter>? filters,
            CancellationToken cancellationToken)
        {
            if (!SecurityGroupViews.NeedsGroupNames(filters)) return new Dictionary<string, string>();
            var referenced = groups.SelectMany(g => g.Rules).Select(r => r.ReferencedGroupId).OfType<string>().Distinct().ToList();
            return await db.SecurityGroups.AsNoTracking().Where(g => referenced.Contains(g.Id))
                .ToDictionaryAsync(g => g.Id, g => g.GroupName, cancellationToken);
        }
    }
}
