using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Audit;
using PartyRoster.Domain.Organizations;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Data.Seed;

public sealed record DemoAccount(string Email, string DisplayName, string Description, Role Role, string OrganizationCode);

public sealed record SeedResult(int Organizations, int Members, TimeSpan Elapsed);

/// <summary>How much demo data to create: the demo size by default, 200,000 members for the benchmark.</summary>
public sealed record DemoSeedOptions(int Members = DemoSeeder.DemoMemberCount, int Seed = DemoSeeder.DefaultSeed);

/// <summary>
/// Deterministic demo data for Development and for the benchmark: one managing committee
/// ("Đảng bộ phường Hòa Bình"), 70 TCCSĐ (25 đảng bộ cơ sở with their chi bộ trực thuộc, two of them
/// through a đảng bộ bộ phận, and 45 chi bộ cơ sở), ≈ 8,700 members with realistic Vietnamese records,
/// and one demo account per role.
/// </summary>
/// <remarks>
/// The same seed gives the same names, tree and codes (System.Random with a fixed seed and curated name
/// lists); only dates relative to today (probation, recent leavings) follow the clock.
/// The bulk load skips the per-row audit trail and writes one summary entry instead; the demo accounts
/// are created through Identity and audited normally. Everything commits in one transaction.
/// </remarks>
public sealed class DemoSeeder(PartyRosterDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string DemoPassword = "DangVien@2026";
    public const int DemoMemberCount = DemoPlan.DemoMemberCount;
    public const int MinimumMemberCount = DemoPlan.MinimumMemberCount;
    public const int DefaultSeed = 20261122;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The demo logins (all with <see cref="DemoPassword"/>); codes refer to the seeded tree.</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("bithu@demo.vn", "Lê Văn Thành", "Bí thư Chi bộ Khu phố 1 (chi bộ cơ sở)", Role.CellSecretary, "DB.26"),
        new("bithu2@demo.vn", "Phạm Thị Hương", "Bí thư Chi bộ Tổ Toán – Tin, Đảng bộ Trường THPT Nguyễn Trãi (chi bộ trực thuộc)", Role.CellSecretary, "DB.01.01"),
        new("danguy@demo.vn", "Hoàng Minh Tuấn", "Đảng ủy Trường THPT Nguyễn Trãi (đảng bộ cơ sở)", Role.GrassrootsCommittee, "DB.01"),
        new("bantochuc@demo.vn", "Nguyễn Thị Lan", "Ban Tổ chức (Ban Xây dựng Đảng) Đảng ủy phường Hòa Bình", Role.OrganizationDept, DemoPlan.RootCode),
        new("kiemtra@demo.vn", "Vũ Đức Hải", "Ủy ban Kiểm tra Đảng ủy phường Hòa Bình", Role.InspectionCommittee, DemoPlan.RootCode),
        new("thuongvu@demo.vn", "Trần Quốc Hùng", "Ban Thường vụ Đảng ủy phường Hòa Bình", Role.StandingCommittee, DemoPlan.RootCode),
        new("quantri@demo.vn", "Đỗ Thanh Bình", "Quản trị hệ thống", Role.Admin, DemoPlan.RootCode),
    ];

    public Task<SeedResult?> SeedIfEmptyAsync(CancellationToken ct = default) => SeedIfEmptyAsync(new DemoSeedOptions(), ct);

    /// <summary>Seeds an empty database; returns null (and changes nothing) when organisations already exist.</summary>
    public async Task<SeedResult?> SeedIfEmptyAsync(DemoSeedOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (await db.Organizations.AnyAsync(ct)) return null;

        var stopwatch = Stopwatch.StartNew();
        var rng = new Random(options.Seed);
        var today = Format.Today(clock);
        var root = DemoPlan.Build(rng, options.Members);
        var organizations = DemoPlan.BreadthFirst(root).ToList();

        var suppressAudit = db.SuppressAudit;
        db.SuppressAudit = true;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsSqlite())
            {
                // A bulk load touches far more pages than SQLite's default 2 MB cache holds; spilling them to
                // the WAL mid-transaction costs more than the inserts. Restored below.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct);
            }
            await SaveOrganizationsAsync(organizations, ct);

            var members = 0;
            var generator = new DemoMembers(rng, today);
            await using (var writer = BulkMemberWriter.Create(db))
            {
                foreach (var cell in organizations.Where(o => o.Kind.HoldsMembers()))
                {
                    for (var i = 0; i < cell.MemberCount; i++)
                    {
                        await writer.InsertAsync(generator.Create(cell, i), ct);
                        members++;
                    }
                }
            }

            await WriteSummaryAuditAsync(organizations.Count, members, options, ct);
            db.ChangeTracker.Clear();

            // Accounts go through Identity (password hashing, normalised names) and the normal audit trail.
            db.SuppressAudit = suppressAudit;
            var byCode = organizations.ToDictionary(o => o.Code, o => o.Entity!, StringComparer.Ordinal);
            await CreateAccountsAsync(byCode, ct);

            // Screening cases in every state (issue #3 point 8), driven through the domain and audited normally;
            // only for the demo size: their cells and actors are the demo tree's and the demo logins'.
            if (options.Members == DemoMemberCount) await DemoCases.SeedAsync(db, today, options.Seed, ct);
            // Then, for any size (the signals benchmark reads them at 200,000): exemptions and two years of ratings
            // (issue #4 points 3 and 5), transfers and proceedings (point 4) and dues (point 2), bulk-written like
            // the members, dues after the cases and transfers (which change some members' roll state and bring new
            // members in).
            await DemoRatings.SeedAsync(db, today, options.Seed, ct);
            members += await DemoTransfers.SeedAsync(db, organizations, today, options.Seed, ct);
            db.ChangeTracker.Clear();
            await DemoDues.SeedAsync(db, today, options.Seed, ct);

            // A year of cell meetings and attendance (issue #4): bulk-written, so any size of demo gets them.
            db.ChangeTracker.Clear();
            await DemoMeetings.SeedAsync(db, today, options.Seed, ct);

            await transaction.CommitAsync(ct);
            return new SeedResult(organizations.Count, members, stopwatch.Elapsed);
        }
        finally
        {
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
            db.SuppressAudit = suppressAudit;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Saves the tree one level at a time: ids exist only after a save, and each path is the parent's
    /// path plus the organisation's own id.
    /// </summary>
    private async Task SaveOrganizationsAsync(IReadOnlyList<PlannedOrganization> organizations, CancellationToken ct)
    {
        foreach (var level in organizations.GroupBy(o => o.Depth).OrderBy(g => g.Key))
        {
            foreach (var planned in level)
            {
                var entity = new Organization(planned.Name, planned.Kind, planned.Parent?.Entity, planned.EstablishedOn, planned.Code);
                if (planned.Kind == OrganizationKind.GrassrootsCommittee && planned.Code is "DB.01" or "DB.04" or "DB.06")
                    entity.SetMayAdmitMembers(true);
                planned.Entity = entity;
                db.Organizations.Add(entity);
            }
            await db.SaveChangesAsync(ct);
            foreach (var planned in level) planned.Entity!.AssignPath();
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task WriteSummaryAuditAsync(int organizations, int members, DemoSeedOptions options, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        var changes = new SortedDictionary<string, string?[]>(StringComparer.Ordinal)
        {
            ["Organizations"] = [null, organizations.ToString(CultureInfo.InvariantCulture)],
            ["Members"] = [null, members.ToString(CultureInfo.InvariantCulture)],
            ["Seed"] = [null, options.Seed.ToString(CultureInfo.InvariantCulture)],
        };
        var json = JsonSerializer.Serialize(changes, JsonOptions);
        db.AuditEntries.Add(new AuditEntry((last?.Sequence ?? 0) + 1, clock.GetUtcNow().UtcDateTime, null, "hệ thống (dữ liệu mẫu)",
            "DemoSeed", DemoPlan.RootCode, "Tạo dữ liệu mẫu", json, last?.Hash ?? AuditChain.Genesis));
        await db.SaveChangesAsync(ct);
    }

    private async Task CreateAccountsAsync(Dictionary<string, Organization> byCode, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var account in Accounts)
        {
            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                CreatedAtUtc = now,
            };
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            db.RoleAssignments.Add(new RoleAssignment
            {
                UserId = user.Id,
                Role = account.Role,
                OrganizationId = byCode[account.OrganizationCode].Id,
                GrantedAtUtc = now,
            });
            await db.SaveChangesAsync(ct);
        }
    }
}
