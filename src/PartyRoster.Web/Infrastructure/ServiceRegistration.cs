using FluentValidation;

namespace PartyRoster.Web.Infrastructure;

public static class ServiceRegistration
{
    /// <summary>Application services. FluentValidation validators are registered here by hand (no DI package restores).</summary>
    public static IServiceCollection AddPartyRosterServices(this IServiceCollection services)
    {
        foreach (var type in typeof(ServiceRegistration).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var i in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddScoped(i, type);
            }
        }
        return services;
    }
}
