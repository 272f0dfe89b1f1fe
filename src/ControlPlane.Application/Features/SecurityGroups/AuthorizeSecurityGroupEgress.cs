using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Adds outbound rules, stated as IpPermissions only (the flat parameters are in the model but "Not supported").
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupEgress.html
/// </summary>
public static class AuthorizeSecurityGroupEgress
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged, IGroupTarget, IRuleRequest, ILegacyRuleParameters
    {
        public string? GroupId { get; init; }
        public IReadOnlyList<IpPermission>? IpPermissions { get; init; }
        public string? CidrIp { get; init; }
        public string? IpProtocol { get; init; }
        public int? FromPort { get; init; }
        public int? ToPort { get; init; }
        public string? SourceSecurityGroupName { get; init; }
        public string? SourceSecurityGroupOwnerId { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(bool Return, IReadOnlyList<Shapes.SecurityGroupRule> SecurityGroupRules);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidGroupId();
            this.NoLegacyParameters();
            this.RequirePermissions();
            this.ValidPermissions();
            this.ValidTagSpecifications(SecurityGroupViews.RuleResourceType);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, VpcBuilder builder, TagStore tags, RequestContext request,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var group = await db.FindSecurityGroupAsync(command.GroupId, null, cancellationToken);
            var rules = await new RuleAuthorizer(db, builder, tags, request, options.Value.Quotas)
                .AuthorizeAsync(group, egress: true, command.IpPermissions ?? [], command.TagSpecifications, cancellationToken);
            return new Result(true, rules);
        }, cancellationToken);
    }
}
