using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure.Commands;

/// <summary>
/// <c>create-admin --email X [--name "..."] [--org "Đảng bộ xã ..."]</c>: creates the first Admin of a
/// Production installation (which has no demo data), granted at the managing committee.
/// </summary>
/// <remarks>
/// The password comes from PARTYROSTER_ADMIN_PASSWORD (for scripted deployments) or is typed at a hidden
/// prompt; it is never a command-line argument, which would land in shell history and process lists.
/// When the email already exists the account keeps its password and only gains the Admin role.
/// </remarks>
public sealed class CreateAdminCommand : ICommand
{
    public const string PasswordVariable = "PARTYROSTER_ADMIN_PASSWORD";

    public string Name => "create-admin";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
    {
        var db = services.GetRequiredService<PartyRosterDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;

        if (!options.TryGetValue("email", out var email) || string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("Thiếu --email. Cách dùng: create-admin --email admin@example.vn [--name \"Họ tên\"] [--org \"Đảng bộ xã ...\"]");
            return 2;
        }
        email = email.Trim();

        var root = await db.Organizations
            .Where(o => o.Kind == OrganizationKind.ManagingCommittee && o.ParentId == null && o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Id).FirstOrDefaultAsync();
        options.TryGetValue("org", out var rootName);
        if (root is null && string.IsNullOrWhiteSpace(rootName))
        {
            await Console.Error.WriteLineAsync(
                "Chưa có đảng bộ cấp trên trực tiếp (tổ chức gốc) trong hệ thống. Hãy thêm --org \"Đảng bộ xã ...\" để tạo tổ chức gốc.");
            return 2;
        }

        var existing = await users.FindByEmailAsync(email);
        string? password = null;
        if (existing is null)
        {
            password = ReadPassword();
            if (string.IsNullOrEmpty(password))
            {
                await Console.Error.WriteLineAsync($"Chưa có mật khẩu: đặt biến môi trường {PasswordVariable} hoặc nhập khi được hỏi.");
                return 1;
            }
            // Validate before anything is written, so a weak password leaves the database untouched.
            var probe = new AppUser { UserName = email, Email = email, DisplayName = DisplayName(options, email) };
            var errors = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                var r = await validator.ValidateAsync(users, probe, password);
                errors.AddRange(r.Errors.Select(e => e.Description));
            }
            foreach (var validator in users.UserValidators)
            {
                var r = await validator.ValidateAsync(users, probe);
                errors.AddRange(r.Errors.Select(e => e.Description));
            }
            if (errors.Count > 0)
            {
                await Console.Error.WriteLineAsync("Không tạo được tài khoản:");
                foreach (var e in errors.Distinct()) await Console.Error.WriteLineAsync("  - " + e);
                return 1;
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        try
        {
            if (root is null)
            {
                root = new Organization(rootName!, OrganizationKind.ManagingCommittee, null, Format.Today(clock));
                db.Organizations.Add(root);
                await db.SaveChangesAsync();
                root.AssignPath();
                await db.SaveChangesAsync();
                Console.WriteLine($"Đã tạo tổ chức gốc \"{root.Name}\" (mã số {root.Id}).");
            }

            var user = existing;
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = DisplayName(options, email),
                    CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                };
                var created = await users.CreateAsync(user, password!);
                if (!created.Succeeded)
                {
                    await tx.RollbackAsync();
                    await Console.Error.WriteLineAsync("Không tạo được tài khoản:");
                    foreach (var e in created.Errors) await Console.Error.WriteLineAsync("  - " + e.Description);
                    return 1;
                }
                Console.WriteLine($"Đã tạo tài khoản {email} ({user.DisplayName}).");
            }
            else
            {
                Console.WriteLine($"Tài khoản {email} đã có; giữ nguyên mật khẩu.");
                if (user.IsDisabled) Console.WriteLine("Lưu ý: tài khoản này đang bị vô hiệu hóa; hãy kích hoạt lại trên trang Người dùng.");
            }

            var rootId = root.Id;
            var hasAdmin = await db.RoleAssignments.AnyAsync(r =>
                r.UserId == user.Id && r.Role == Role.Admin && r.OrganizationId == rootId && r.RevokedAtUtc == null);
            if (hasAdmin)
            {
                Console.WriteLine($"Tài khoản đã có vai trò {Role.Admin.DisplayName()} tại \"{root.Name}\": không thay đổi gì.");
            }
            else
            {
                db.RoleAssignments.Add(new RoleAssignment
                {
                    UserId = user.Id,
                    Role = Role.Admin,
                    OrganizationId = rootId,
                    GrantedAtUtc = clock.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync();
                Console.WriteLine($"Đã giao vai trò {Role.Admin.DisplayName()} tại \"{root.Name}\".");
            }
            await tx.CommitAsync();
            return 0;
        }
        catch (DomainException ex)
        {
            await tx.RollbackAsync();
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static string DisplayName(IReadOnlyDictionary<string, string> options, string email) =>
        options.TryGetValue("name", out var name) && !string.IsNullOrWhiteSpace(name) ? name.Trim() : email;

    private static string? ReadPassword()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PasswordVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;

        if (Console.IsInputRedirected)
        {
            // Piped input (e.g. from a secrets file): no echo to hide.
            Console.Write("Mật khẩu: ");
            return Console.ReadLine();
        }
        var first = ReadHidden("Mật khẩu: ");
        var second = ReadHidden("Nhập lại mật khẩu: ");
        if (first != second)
        {
            Console.Error.WriteLine("Hai lần nhập mật khẩu không khớp.");
            return null;
        }
        return first;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.WriteLine();
        return text.ToString();
    }
}
