using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;

namespace ControlPlane.Application.Features.InternetGateways;

/// <summary>The (gateway, VPC) pair AttachInternetGateway and DetachInternetGateway take.</summary>
public interface IGatewayAttachment
{
    string? InternetGatewayId { get; }
    string? VpcId { get; }
}

public static class InternetGatewayRules
{
    public static void ValidGatewayId<T>(this AbstractValidator<T> validator) where T : IGatewayAttachment =>
        validator.RuleFor(c => c.InternetGatewayId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.InternetGateway)).When(c => c.InternetGatewayId is not null)
            .WithAwsError((_, id) => Ec2Errors.InternetGatewayIdMalformed(id));

    public static void ValidAttachment<T>(this AbstractValidator<T> validator) where T : IGatewayAttachment
    {
        validator.ValidGatewayId();
        validator.RuleFor(c => c.VpcId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Vpc)).When(c => c.VpcId is not null)
            .WithAwsError((_, id) => Ec2Errors.VpcIdMalformed(id));
    }
}
