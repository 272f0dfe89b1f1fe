namespace ControlPlane.Application.Pipeline;

/// <summary>
/// A command for one AWS action. The action is named by the static class that holds the command
/// (<c>Features/SecurityGroups/AuthorizeSecurityGroupIngress.cs</c> holds <c>AuthorizeSecurityGroupIngress.Command</c>).
/// </summary>
public interface ICommand<TResult>;

public interface IHandler<in TCommand, TResult> where TCommand : ICommand<TResult>
{
    Task<TResult> HandleAsync(TCommand command, CancellationToken cancellationToken);
}

/// <summary>An action with no output shape answers only its request id.</summary>
public sealed record Empty
{
    public static readonly Empty Instance = new();
}
