using System.Text;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// The account's functions in the region, by name, 50 a page unless MaxItems says otherwise (at most 10,000);
/// <c>NextMarker</c> continues. <c>FunctionVersion=ALL</c> lists the same, as only <c>$LATEST</c> exists.
/// https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html
/// </summary>
[AwsService("lambda")]
public static class ListFunctions
{
    public sealed record Command : ICommand<Result>
    {
        public string? Marker { get; init; }
        public int? MaxItems { get; init; }
        public string? FunctionVersion { get; init; }
        public string? MasterRegion { get; init; }
    }

    public sealed record Result(IReadOnlyList<FunctionConfiguration> Functions, string? NextMarker);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MaxItems).Must(m => m is null or >= 1 and <= 10000)
                .WithAwsError((_, m) => LambdaErrors.Validation($"{m}", "maxItems", "Member must have value between 1 and 10000"));
            RuleFor(c => c.FunctionVersion).Must(v => v is null or "ALL")
                .WithAwsError((_, v) => LambdaErrors.Validation(v!, "functionVersion", "Member must satisfy enum value set: [ALL]"));
        }
    }

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var rows = (await store.ListAsync(LambdaFunctions.Service, LambdaFunctions.Kind, cancellationToken))
                .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            var (page, next) = Page(rows, r => r.Name, command.Marker, command.MaxItems ?? 50);
            return new Result(page.Select(r => LambdaFunctions.Configuration(r, ServiceResourceStore.Read<FunctionDocument>(r))).ToList(), next);
        }
    }

    /// <summary>A page after the marker (the base64 of the first name of the page), and the marker of the next one.</summary>
    public static (List<T> Page, string? NextMarker) Page<T>(IReadOnlyList<T> items, Func<T, string> key, string? marker, int size)
    {
        var start = 0;
        if (marker is not null)
        {
            string first;
            try
            {
                first = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
            }
            catch (FormatException)
            {
                throw LambdaErrors.InvalidParameterValue($"Invalid marker: {marker}");
            }
            start = items.TakeWhile(i => string.CompareOrdinal(key(i), first) < 0).Count();
        }
        var page = items.Skip(start).Take(size).ToList();
        var next = start + size < items.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes(key(items[start + size]))) : null;
        return (page, next);
    }
}
