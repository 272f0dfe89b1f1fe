using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.SecurityGroups;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Rewrites rules of one group in place: each keeps its <c>sgr-</c> id, direction and tags and gets new protocol,
/// ports, peer and description. The peer must stay of the same type (an IPv4 rule stays IPv4), and the result may
/// not collide with another rule of the group (InvalidPermission.Duplicate).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySecurityGroupRules.html
/// </summary>
public static class ModifySecurityGroupRules
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IGroupTarget
    {
        public string? GroupId { get; init; }
        public IReadOnlyList<SecurityGroupRuleUpdate>? SecurityGroupRules { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(bool Return);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidGroupId();
            RuleFor(c => c.SecurityGroupRules).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("SecurityGroupRule"));
            RuleForEach(c => c.SecurityGroupRules).Must(u => u.SecurityGroupRuleId is not null)
                .WithAwsError((_, _) => Ec2Errors.MissingParameter("SecurityGroupRule.N.SecurityGroupRuleId"));
            RuleForEach(c => c.SecurityGroupRules).Must(u => u.SecurityGroupRuleId is null || ResourceIds.IsWellFormed(u.SecurityGroupRuleId, ResourceIds.SecurityGroupRule))
                .WithAwsError((_, u) => Ec2Errors.SecurityGroupRuleIdMalformed(u.SecurityGroupRuleId!));
            RuleForEach(c => c.SecurityGroupRules).Must(u => u.SecurityGroupRule is not null)
                .WithAwsError((_, _) => Ec2Errors.MissingParameter("SecurityGroupRule.N.SecurityGroupRule"));
            RuleForEach(c => c.SecurityGroupRules).Must(u => Problem(u) is null).WithAwsError((_, u) => Problem(u)!);
        }

        private static AwsException? Problem(SecurityGroupRuleUpdate update) =>
            update.SecurityGroupRule is { } rule ? RuleParser.Problem(() => RuleParser.Parse(rule)) : null;
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, RequestContext request) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var group = await db.FindSecurityGroupAsync(command.GroupId, null, cancellationToken);
            var rules = await db.SecurityGroupRules.Where(r => r.GroupId == group.Id).ToListAsync(cancellationToken);
            var updates = command.SecurityGroupRules!;
            var drafts = updates.Select(u => RuleParser.Parse(u.SecurityGroupRule!)).ToList();
            var specs = await db.ResolveAsync(request, group, drafts, RuleResolver.Mode.Strict, cancellationToken);

            for (var i = 0; i < updates.Count; i++)
            {
                var id = updates[i].SecurityGroupRuleId!;
                var rule = rules.Find(r => r.Id == id) ?? throw await db.RuleNotInGroupAsync(id, group.Id, cancellationToken);
                if (specs[i].Peer.Kind != rule.KindOfPeer()) throw Ec2Errors.PeerTypeChange(id);
                rule.Apply(specs[i]);
            }
            // Checked after every update is applied: the updates of one request may also collide with each other.
            foreach (var direction in rules.GroupBy(r => r.IsEgress))
            {
                if (direction.GroupBy(r => r.Identity).FirstOrDefault(same => same.Count() > 1) is { } clash)
                    throw Ec2Errors.PermissionDuplicate(clash.First().ToSpec().DuplicateDescription);
            }
            return new Result(true);
        }, cancellationToken);
    }
}
