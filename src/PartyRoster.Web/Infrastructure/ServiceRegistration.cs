using FluentValidation;

namespace PartyRoster.Web.Infrastructure;

public static class ServiceRegistration
{
    /// <summary>
    /// Application services. FluentValidation validators are registered here by hand (no DI package restores):
    /// every public validator. Internal validators are parts that public ones include (<c>Include(...)</c>), and
    /// registering them too would make a second <c>IValidator&lt;T&gt;</c> for the same model. So is every
    /// statistics report (<see cref="Reports.IReport"/>): a new report is one new class, found here.
    /// </summary>
    public static IServiceCollection AddPartyRosterServices(this IServiceCollection services)
    {
        foreach (var type in typeof(ServiceRegistration).Assembly.GetTypes()
                     .Where(t => t is { IsPublic: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var i in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddScoped(i, type);
            }
            if (typeof(Reports.IReport).IsAssignableFrom(type)) services.AddScoped(typeof(Reports.IReport), type);
        }
        services.AddScoped<Reports.Dashboard>();
        services.AddSingleton<Reports.DashboardCache>();
        return services;
    }
}
