using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyRoster.Domain.Audit;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Persistence;

/// <summary>The persistence guarantees, on both providers the app supports, through the app's own DbContext.</summary>
public sealed class PersistenceTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Member_SavedWithEveryField_ReadsBackEqual(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var saved = await factory.WithDbAsync(async db =>
        {
            var cell = await db.Organizations.SingleAsync(o => o.Id == world.CellA1.Id);
            var m = new Member(FullProfile(), new MemberAdmission
            {
                AdmissionDecisionDate = new DateOnly(2010, 2, 28),
                AdmissionCeremonyDate = new DateOnly(2010, 3, 3),
                OfficialDate = new DateOnly(2011, 3, 3),
                PartyCardNumber = "PC-ĐV-001",
            }, cell);
            db.Members.Add(m);
            await db.SaveChangesAsync();
            // A second save fills the leaving fields (and bumps Version) so every column carries a value.
            m.Leave(RollState.TransferredOut, new DateOnly(2024, 2, 29), "Chuyển sinh hoạt về Đảng bộ xã Đức Thọ, tỉnh Hà Tĩnh");
            await db.SaveChangesAsync();
            return m;
        });

        await factory.WithDbAsync(async db =>
        {
            var loaded = await db.Members.AsNoTracking().Include(m => m.NameTokens).SingleAsync(m => m.Id == saved.Id);
            foreach (var property in db.Model.FindEntityType(typeof(Member))!.GetProperties())
            {
                var expected = property.PropertyInfo!.GetValue(saved);
                var actual = property.PropertyInfo.GetValue(loaded);
                Assert.True(Equals(expected, actual), $"{property.Name}: saved «{expected}», read back «{actual}»");
            }
            Assert.Equal("Nguyễn Thị Ánh Tuyết", loaded.FullName);
            Assert.Equal(new DateOnly(1985, 12, 31), loaded.DateOfBirth);
            Assert.Equal(new DateOnly(2024, 2, 29), loaded.LeftOn);
            Assert.Equal(1, loaded.Version);
            Assert.Equal(saved.NameTokens.Select(t => t.Token).Order(StringComparer.Ordinal),
                loaded.NameTokens.Select(t => t.Token).Order(StringComparer.Ordinal));
            Assert.NotEmpty(loaded.NameTokens);
        });
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Member_ChangedInTwoContexts_SecondSaveThrowsConcurrencyException(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var id = world.MemberOf(world.CellA1).Id;
        using var scope1 = factory.Services.CreateScope();
        using var scope2 = factory.Services.CreateScope();
        var db1 = scope1.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var db2 = scope2.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var first = await db1.Members.SingleAsync(m => m.Id == id);
        var second = await db2.Members.SingleAsync(m => m.Id == id);

        first.UpdateProfile(ProfileOf(first) with { Phone = "0901111111" });
        second.UpdateProfile(ProfileOf(second) with { Occupation = "Giáo viên" });
        await db1.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());

        var stored = await factory.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal("0901111111", stored.Phone);
        Assert.Null(stored.Occupation);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Organization_ChangedInTwoContexts_SecondSaveThrowsConcurrencyException(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var id = world.CellB1.Id;
        using var scope1 = factory.Services.CreateScope();
        using var scope2 = factory.Services.CreateScope();
        var db1 = scope1.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var db2 = scope2.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var first = await db1.Organizations.SingleAsync(o => o.Id == id);
        var second = await db2.Organizations.SingleAsync(o => o.Id == id);

        first.Rename("Chi bộ Kỹ thuật - Vận hành", Today);
        second.Rename("Chi bộ Kỹ thuật số", Today);
        await db1.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());

        var stored = await factory.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal("Chi bộ Kỹ thuật - Vận hành", stored.Name);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task CitizenId_IsUniqueOnlyAmongMembersOnTheRoll(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var holder = world.MemberOf(world.CellA1);
        var citizenId = holder.CitizenId!;

        // A second member on the roll with the same CCCD is refused by the partial unique index.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => AddMemberAsync(factory, world, citizenId, "TN-DUP-1"));

        // Once the holder has left the roll (deceased), the CCCD is free for another member.
        await factory.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == holder.Id);
            m.RecordDeath(new DateOnly(2025, 1, 15), "Từ trần do tuổi cao");
            await db.SaveChangesAsync();
        });
        var newcomer = await AddMemberAsync(factory, world, citizenId, "TN-DUP-2");

        var holders = await factory.WithDbAsync(db => db.Members.AsNoTracking()
            .Where(m => m.CitizenId == citizenId).Select(m => new { m.Id, m.RollState }).ToListAsync());
        Assert.Equal(2, holders.Count);
        Assert.Contains(holders, h => h.Id == holder.Id && h.RollState == RollState.Deceased);
        Assert.Contains(holders, h => h.Id == newcomer && h.RollState == RollState.Active);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Audit_ChangeIsRecordedAndChained_TamperingIsFoundAtThatEntry(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var id = world.MemberOf(world.CellB1, 2).Id;
        string? oldPhone = null;
        await factory.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == id);
            oldPhone = m.Phone;
            m.UpdateProfile(ProfileOf(m) with { Phone = "0912 345 678", Occupation = "Kỹ sư điện" });
            await db.SaveChangesAsync();
        });

        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());
        var entry = entries.Last(a => a.EntityType == nameof(Member) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Cập nhật", entry.Action);
        using (var changes = JsonDocument.Parse(entry.Changes))
        {
            var fields = changes.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()).ToArray());
            Assert.Equal(["Occupation", "Phone"], fields.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(new[] { oldPhone, "0912 345 678" }.AsEnumerable(), fields["Phone"]);
            Assert.Equal(new[] { null, "Kỹ sư điện" }.AsEnumerable(), fields["Occupation"]);
        }
        Assert.True(entries.Count > 1);
        Assert.Null(AuditChain.FindFirstBreak(entries, AuditChain.Genesis, 1));

        // Tamper with an entry in the middle of the chain, behind the application's back.
        var victim = entries[entries.Count / 2].Sequence;
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"Changes\" = {0} WHERE \"Sequence\" = {1}", "{}", victim));

        var tampered = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());
        var found = AuditChain.FindFirstBreak(tampered, AuditChain.Genesis, 1);
        Assert.NotNull(found);
        Assert.Equal(victim, found.Sequence);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Audit_UpdateOrDeleteThroughDbContext_Throws(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        await TestWorld.CreateAsync(factory);

        await factory.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(a => a.Sequence).FirstAsync();
            db.Entry(entry).Property(a => a.Changes).CurrentValue = "{}";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        await factory.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(a => a.Sequence).FirstAsync();
            db.AuditEntries.Remove(entry);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });

        var (count, first) = await factory.WithDbAsync(async db =>
            (await db.AuditEntries.CountAsync(), await db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).FirstAsync()));
        Assert.True(count > 0);
        Assert.NotEqual("{}", first.Changes);
    }

    [Fact]
    public async Task Sqlite_DatabaseFile_IsCreatedUnderConfiguredDataDirectory()
    {
        using var factory = new DefaultConnectionFactory();
        await TestWorld.CreateAsync(factory);

        var dataSource = await factory.WithDbAsync(db =>
            Task.FromResult(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource));
        var path = Path.GetFullPath(dataSource);
        var dataDirectory = Path.GetFullPath(factory.DataDirectory) + Path.DirectorySeparatorChar;
        Assert.StartsWith(dataDirectory, path, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "partyroster.db")));
        Assert.False(path.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal), $"database under bin/: {path}");
    }

    /// <summary>The app's own default SQLite location: no connection string, only Storage:DataDirectory.</summary>
    private sealed class DefaultConnectionFactory : PartyRosterFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Sqlite", "");
        }
    }

    private static async Task<int> AddMemberAsync(PartyRosterFactory factory, TestWorld world, string citizenId, string partyCard) =>
        await factory.WithDbAsync(async db =>
        {
            var cell = await db.Organizations.SingleAsync(o => o.Id == world.CellA2.Id);
            var m = new Member(
                new MemberProfile { FullName = "Hoàng Văn Thụ", Gender = Gender.Male, DateOfBirth = new DateOnly(1990, 7, 7), Ethnicity = "Tày", CitizenId = citizenId },
                new MemberAdmission { AdmissionDecisionDate = new DateOnly(2015, 1, 5), AdmissionCeremonyDate = new DateOnly(2015, 1, 10), PartyCardNumber = partyCard },
                cell);
            db.Members.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

    private static MemberProfile FullProfile() => new()
    {
        FullName = "Nguyễn Thị Ánh Tuyết",
        BirthName = "Nguyễn Thị Tuyết",
        Alias = "Út Tuyết",
        Gender = Gender.Female,
        DateOfBirth = new DateOnly(1985, 12, 31),
        PlaceOfBirth = "Xã Kim Liên, huyện Nam Đàn, tỉnh Nghệ An",
        HomeTown = "Phường Đông Vĩnh, thành phố Vinh, tỉnh Nghệ An",
        PermanentResidence = "Số 12 ngõ 34 phố Hoàng Hoa Thám, quận Ba Đình, Hà Nội",
        TemporaryResidence = "Ký túc xá Đại học Sư phạm, Cầu Giấy, Hà Nội",
        Ethnicity = "Kinh",
        Religion = "Phật giáo",
        CitizenId = "040185001234",
        Phone = "+84 912 000 111",
        Occupation = "Giảng viên",
        Workplace = "Trường Đại học Sư phạm Hà Nội",
        GeneralEducation = "12/12",
        ProfessionalQualification = "Tiến sĩ Ngữ văn",
        PoliticalTheory = PoliticalTheoryLevel.Advanced,
        ForeignLanguage = "Tiếng Anh B2, tiếng Pháp A2",
        ItSkill = "Ứng dụng CNTT cơ bản",
    };

    private static MemberProfile ProfileOf(Member m) => new()
    {
        FullName = m.FullName, BirthName = m.BirthName, Alias = m.Alias, Gender = m.Gender, DateOfBirth = m.DateOfBirth,
        PlaceOfBirth = m.PlaceOfBirth, HomeTown = m.HomeTown, PermanentResidence = m.PermanentResidence,
        TemporaryResidence = m.TemporaryResidence, Ethnicity = m.Ethnicity, Religion = m.Religion, CitizenId = m.CitizenId,
        Phone = m.Phone, Occupation = m.Occupation, Workplace = m.Workplace, GeneralEducation = m.GeneralEducation,
        ProfessionalQualification = m.ProfessionalQualification, PoliticalTheory = m.PoliticalTheory,
        ForeignLanguage = m.ForeignLanguage, ItSkill = m.ItSkill,
    };
}
