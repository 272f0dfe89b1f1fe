using System.Collections.Frozen;
using System.Reflection;
using ControlPlane.Domain.Errors;
using ControlPlane.Application.Shapes;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Application.Pipeline;

/// <summary>Marks the AWS service an action belongs to when it is not EC2 (e.g. <c>sts</c>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AwsServiceAttribute(string service) : Attribute
{
    public string Service { get; } = service;
}

/// <summary>One AWS action: its command and result types and a compiled way to run it.</summary>
public sealed record Operation(
    string Service,
    string Name,
    Type CommandType,
    Type ResultType,
    Type HandlerType,
    Func<IServiceProvider, object, CancellationToken, Task<object>> Run);

/// <summary>
/// Every action the application implements, found once at start-up from the one-file-per-action convention:
/// a static class named after the action holding <c>Command</c> (an <see cref="ICommand{TResult}"/>) and <c>Handler</c>.
/// </summary>
public sealed class OperationRegistry
{
    private readonly FrozenDictionary<(string Service, string Name), Operation> _operations;

    private OperationRegistry(IEnumerable<Operation> operations) =>
        _operations = operations.ToFrozenDictionary(o => (o.Service, o.Name));

    public IEnumerable<Operation> All => _operations.Values;

    public Operation? Find(string service, string name) => _operations.GetValueOrDefault((service, name));

    public static OperationRegistry Discover(Assembly assembly)
    {
        var operations = new List<Operation>();
        foreach (var action in assembly.GetTypes().Where(t => t is { IsAbstract: true, IsSealed: true, IsNested: false }))
        {
            var command = action.GetNestedType("Command");
            var handler = action.GetNestedType("Handler");
            if (command is null || handler is null) continue;
            var resultType = command.GetInterfaces()
                .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
                .GetGenericArguments()[0];
            var service = action.GetCustomAttribute<AwsServiceAttribute>()?.Service ?? "ec2";
            var run = typeof(OperationRegistry).GetMethod(nameof(RunAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(command, resultType)
                .CreateDelegate<Func<IServiceProvider, object, CancellationToken, Task<object>>>();
            operations.Add(new Operation(service, action.Name, command, resultType, handler, run));
        }
        return new OperationRegistry(operations);
    }

    /// <summary>Validate (FluentValidation, each rule carrying its AWS code), honour DryRun, then handle.</summary>
    private static async Task<object> RunAsync<TCommand, TResult>(IServiceProvider services, object command, CancellationToken cancellationToken)
        where TCommand : ICommand<TResult>
    {
        var typed = (TCommand)command;
        await services.GetRequiredService<Store.ScopeInitializer>().EnsureAsync(cancellationToken);
        if (services.GetService<IValidator<TCommand>>() is { } validator)
        {
            var result = await validator.ValidateAsync(typed, cancellationToken);
            if (!result.IsValid) throw ValidationErrors.ToAwsException(result.Errors[0]);
        }
        // AWS checks the request and permissions, then answers DryRunOperation instead of acting.
        if (typed is IDryRunnable { DryRun: true }) throw Ec2Errors.DryRunOperation();
        var handler = services.GetRequiredService<IHandler<TCommand, TResult>>();
        return (await handler.HandleAsync(typed, cancellationToken))!;
    }
}
