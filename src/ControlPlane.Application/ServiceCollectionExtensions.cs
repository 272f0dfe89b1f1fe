using ControlPlane.Application.Features.Subnets;
using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Application;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers every action's handler and validator (found by convention) and the services they share.</summary>
    public static IServiceCollection AddControlPlaneApplication(this IServiceCollection services)
    {
        var assembly = typeof(ServiceCollectionExtensions).Assembly;
        var registry = OperationRegistry.Discover(assembly);
        services.AddSingleton(registry);
        foreach (var operation in registry.All)
        {
            services.AddScoped(typeof(IHandler<,>).MakeGenericType(operation.CommandType, operation.ResultType), operation.HandlerType);
        }
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        services.AddScoped<RequestContext>();
        services.AddSingleton<KnownScopes>();
        services.AddSingleton<IIdGenerator, RandomIdGenerator>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ScopeWriter>();
        services.AddScoped<ScopeInitializer>();
        services.AddScoped<TagStore>();
        services.AddScoped<VpcBuilder>();
        services.AddScoped<SubnetBuilder>();
        services.AddScoped<Ipv6Allocator>();
        services.AddScoped<Features.Tags.TaggableResources>();
        services.AddScoped<Services.ServiceResourceStore>();
        services.AddScoped<Services.ServiceNetwork>();
        services.AddScoped<Reachability.NetworkViewBuilder>();
        services.AddScoped<Reachability.ScopeNetwork>();
        services.AddSingleton(_ => new Reachability.EvaluatorCache(ControlPlane.Reachability.CompiledNetwork.Compile));
        return services;
    }
}
