using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PartyRoster.Domain.Access;
using PartyRoster.Web.Data;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Accounts;

/// <summary>Helpers for account tests: throwaway users, the "forbidden" assertion, and a TOTP calculator.</summary>
public static class AccountTestKit
{
    /// <summary>Creates a user named <paramref name="displayName"/> with a unique email (tests sharing a world never collide) and optional grants.</summary>
    public static async Task<(string Id, string Email)> CreateUserAsync(PartyRosterFactory factory, string displayName,
        params (Role Role, int OrganizationId)[] grants)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var email = $"u-{Guid.NewGuid().ToString("N")[..12]}@test.vn";
        var user = new AppUser { UserName = email, Email = email, DisplayName = displayName, CreatedAtUtc = DateTime.UtcNow };
        var result = await users.CreateAsync(user, TestWorld.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        foreach (var (role, org) in grants)
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, OrganizationId = org, GrantedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return (user.Id, email);
    }

    public static async Task<HttpClient> SignedInAsync(PartyRosterFactory factory, string email, string password = TestWorld.Password)
    {
        var client = factory.CreateBrowserlessClient();
        await Forms.LoginAsync(client, email, password);
        return client;
    }

    /// <summary>Posts the login form and returns the raw response (no assertion).</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        Forms.PostFormAsync(client, "/Account/Login", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Forbidden: a 403 with the Vietnamese explanation (no redirect).</summary>
    public static async Task AssertForbiddenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Không có quyền", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static string Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "";

    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) of a base32 key, as an authenticator app computes it.</summary>
    public static string Totp(string base32Key, DateTimeOffset at, int stepOffset = 0)
    {
        var key = Base32Decode(base32Key);
        var counter = at.ToUnixTimeSeconds() / 30 + stepOffset;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian) Array.Reverse(message);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are defined over HMAC-SHA1; this mirrors the phone app
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"Not base32: {c}");
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8) & 0xff));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
