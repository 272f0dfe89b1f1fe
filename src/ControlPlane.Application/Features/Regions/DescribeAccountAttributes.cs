using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Regions;

/// <summary>
/// The account's platform attributes: VPC-only (no EC2-Classic), its default VPC, and the configured quotas.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAccountAttributes.html
/// </summary>
public static class DescribeAccountAttributes
{
    public sealed record Command : ICommand<Result>, Shapes.IDryRunnable
    {
        public IReadOnlyList<string>? AttributeNames { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record AccountAttributeValue(string AttributeValue);

    public sealed record AccountAttribute(string AttributeName, IReadOnlyList<AccountAttributeValue> AttributeValues);

    public sealed record Result(IReadOnlyList<AccountAttribute> AccountAttributes);

    public sealed class Handler(ControlPlaneDbContext db) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var defaultVpc = await db.Vpcs.Where(v => v.IsDefault).Select(v => v.Id).FirstOrDefaultAsync(cancellationToken) ?? "none";
            var all = new Dictionary<string, string[]>
            {
                ["supported-platforms"] = ["VPC"],
                ["default-vpc"] = [defaultVpc],
                ["max-instances"] = ["20"],
                ["vpc-max-security-groups-per-interface"] = ["5"],
                ["max-elastic-ips"] = ["5"],
                ["vpc-max-elastic-ips"] = ["5"],
            };
            var names = command.AttributeNames is { Count: > 0 } requested ? requested : all.Keys.ToList();
            var unknown = names.FirstOrDefault(n => !all.ContainsKey(n));
            if (unknown is not null) throw Domain.Errors.Ec2Errors.InvalidParameterValue(unknown, "AttributeName");
            return new Result(names.Select(n => new AccountAttribute(n, all[n].Select(v => new AccountAttributeValue(v)).ToList())).ToList());
        }
    }
}
