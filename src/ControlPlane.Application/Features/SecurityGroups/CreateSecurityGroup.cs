using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.SecurityGroups;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroup = ControlPlane.Domain.Model.SecurityGroup;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Creates a group in the given VPC (the default VPC when none is given) with AWS's default outbound rule: all
/// traffic to 0.0.0.0/0, and to ::/0 when the VPC has an IPv6 block. Names are unique per VPC regardless of case.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html
/// </summary>
public static class CreateSecurityGroup
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? GroupName { get; init; }
        public string? Description { get; init; }
        public string? VpcId { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(string GroupId, IReadOnlyList<Tag>? Tags, string SecurityGroupArn);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => Name(c)).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("GroupName"));
            RuleFor(c => c.Description).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("GroupDescription"));
            RuleFor(c => Name(c)).Must(n => !SecurityGroupText.IsReservedName(n)).WithAwsError((_, _) => Ec2Errors.SecurityGroupReserved());
            RuleFor(c => Name(c)).Must(n => !SecurityGroupText.LooksLikeGroupId(n)).WithAwsError((_, n) => Ec2Errors.GroupNameLooksLikeId(n));
            RuleFor(c => Name(c)).Must(SecurityGroupText.IsValidGroupText).WithAwsError((_, n) => Ec2Errors.GroupNameInvalid(n));
            RuleFor(c => c.Description ?? "").Must(SecurityGroupText.IsValidGroupText).WithAwsError((_, d) => Ec2Errors.GroupDescriptionInvalid(d));
            RuleFor(c => c.VpcId).Must(id => id is null || ResourceIds.IsWellFormed(id, ResourceIds.Vpc)).WithAwsError((_, id) => Ec2Errors.VpcIdMalformed(id!));
            this.ValidTagSpecifications(SecurityGroupViews.GroupResourceType);
        }
    }

    /// <summary>AWS drops trailing spaces from the name.</summary>
    private static string Name(Command command) => SecurityGroupText.TrimName(command.GroupName ?? "");

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, VpcBuilder builder, TagStore tags, RequestContext request, IIdGenerator ids,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var quotas = options.Value.Quotas;
            var vpcId = command.VpcId ?? await db.DefaultVpcIdAsync(cancellationToken) ?? throw Ec2Errors.VpcIdNotSpecified();
            var hasIpv6 = await db.Vpcs.Where(v => v.Id == vpcId).Select(v => (bool?)v.CidrBlocks.Any(c => c.IsIpv6)).FirstOrDefaultAsync(cancellationToken)
                ?? throw Ec2Errors.VpcNotFound(vpcId);
            var name = Name(command);
            var normalized = SecurityGroup.Normalize(name);
            if (await db.SecurityGroups.AnyAsync(g => g.VpcId == vpcId && g.NormalizedName == normalized, cancellationToken))
                throw Ec2Errors.SecurityGroupDuplicate(name, vpcId);
            if (await db.SecurityGroups.CountAsync(cancellationToken) >= quotas.SecurityGroupsPerRegion) throw Ec2Errors.SecurityGroupLimitExceeded();

            var group = SecurityGroup.Create(request.AccountId, request.Region, ids.NewId(ResourceIds.SecurityGroup), vpcId, name, command.Description!);
            builder.AddDefaultEgress(group, hasIpv6);
            db.SecurityGroups.Add(group);
            var applied = await tags.ApplyAsync(command.TagSpecifications, SecurityGroupViews.GroupResourceType, group.Id, quotas.TagsPerResource, cancellationToken);
            return new Result(group.Id, applied.Count > 0 ? applied : null, request.Arn(SecurityGroupViews.GroupResourceType, group.Id));
        }, cancellationToken);
    }
}
