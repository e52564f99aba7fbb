using PartyRoster.Web.Data;
using PartyRoster.Web.Data.Seed;

namespace PartyRoster.Web.Infrastructure;

public static class Startup
{
    /// <summary>
    /// Migrates the database on start. In Development an empty database gets the demo data and the demo
    /// logins are printed; in Production nothing is seeded (the first Admin comes from `create-admin`).
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        await WorkingCalendarService.SeedIfEmptyAsync(db);

        var seedDemo = app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment());
        if (!seedDemo) return;

        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
        var result = await seeder.SeedIfEmptyAsync();
        // Printed on the console only (not the log file), for the developer who just ran the app.
        Console.WriteLine();
        if (result is not null)
            Console.WriteLine($"Đã tạo dữ liệu mẫu: {Format.Number(result.Organizations)} tổ chức, {Format.Number(result.Members)} đảng viên ({result.Elapsed.TotalSeconds.ToString("0.0", Format.Vietnamese)} giây).");
        Console.WriteLine("Tài khoản dùng thử (mật khẩu chung: " + DemoSeeder.DemoPassword + "):");
        foreach (var account in DemoSeeder.Accounts)
            Console.WriteLine($"  {account.Email,-32} {account.Description}");
        Console.WriteLine();
    }
}
