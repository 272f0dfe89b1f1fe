using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.NetworkAcls;

/// <summary>
/// Creates a custom network ACL in a VPC. It has no numbered entries, so its <c>*</c> rules deny everything until entries
/// are added, and no subnets until ReplaceNetworkAclAssociation moves some to it.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkAcl.html
/// </summary>
public static class CreateNetworkAcl
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? VpcId { get; init; }
        public string? ClientToken { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(Shapes.NetworkAcl NetworkAcl, string? ClientToken);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VpcId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("VpcId"));
            RuleFor(c => c.VpcId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Vpc)).When(c => c.VpcId is not null)
                .WithAwsError((_, id) => Ec2Errors.VpcIdMalformed(id));
            RuleFor(c => c.ClientToken!).Must(ClientTokenIds.IsValid).When(c => c.ClientToken is not null)
                .WithAwsError((_, t) => Ec2Errors.InvalidClientToken(t));
            this.ValidTagSpecifications(NetworkAclQueries.ResourceType);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var quotas = options.Value.Quotas;
            var vpcId = command.VpcId!;
            // A retry with the same ClientToken finds the ACL the first call created, under the id derived from the token.
            var token = command.ClientToken;
            var id = token is null ? ids.NewId(ResourceIds.NetworkAcl) : ClientTokenIds.Derive(ResourceIds.NetworkAcl, request, token);
            if (token is not null
                && await db.NetworkAcls.AsNoTracking().Include(a => a.Entries).Include(a => a.Associations).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } earlier)
            {
                if (earlier.VpcId != vpcId) throw Ec2Errors.IdempotentParameterMismatch(token);
                var earlierTags = await tags.LoadAsync([id], cancellationToken);
                var ipv6 = await db.VpcHasIpv6Async(vpcId, cancellationToken) ?? false;
                return new Result(NetworkAclViews.ToShape(NetworkAclViews.ToRow(earlier, ipv6, earlierTags(id))), token);
            }

            var hasIpv6 = await db.VpcHasIpv6Async(vpcId, cancellationToken) ?? throw Ec2Errors.VpcNotFound(vpcId);
            if (await db.NetworkAcls.CountAsync(a => a.VpcId == vpcId, cancellationToken) >= quotas.NetworkAclsPerVpc)
                throw Ec2Errors.NetworkAclLimitExceeded(vpcId);
            var acl = new Domain.Model.NetworkAcl { AccountId = request.AccountId, Region = request.Region, Id = id, VpcId = vpcId, IsDefault = false };
            db.NetworkAcls.Add(acl);
            var applied = await tags.ApplyAsync(command.TagSpecifications, NetworkAclQueries.ResourceType, id, quotas.TagsPerResource, cancellationToken);
            return new Result(NetworkAclViews.ToShape(NetworkAclViews.ToRow(acl, hasIpv6, applied)), token);
        }, cancellationToken);
    }
}
