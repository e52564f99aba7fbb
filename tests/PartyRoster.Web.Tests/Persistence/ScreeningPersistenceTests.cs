using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyRoster.Domain;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Calendar;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Persistence;

/// <summary>The screening aggregate, attachments and the holiday calendar, on both providers, through the app's own services.</summary>
public sealed class ScreeningPersistenceTests
{
    private static readonly RuleBook Book = RuleBook.Default;
    private static readonly Actor Secretary = new("u-sec", "Bí thư Chi bộ Giáo viên Toán", Role.CellSecretary, 4);
    private static readonly Actor Committee = new("u-du", "Đảng ủy Trường THPT Lê Lợi", Role.GrassrootsCommittee, 2);
    private static readonly Actor Inspector = new("u-ubkt", "Ủy ban Kiểm tra", Role.InspectionCommittee, 1);
    private static readonly Actor Dept = new("u-btc", "Ban Tổ chức", Role.OrganizationDept, 1);
    private static readonly Actor Standing = new("u-btv", "Ban Thường vụ", Role.StandingCommittee, 1);

    /// <summary>The test world's cells have 5 official, non-exempt members.</summary>
    private static readonly BallotTally CellPass = new(5, 5, 5, 4, 1);
    private static readonly BallotTally StandingPass = new(11, 10, 10, 9, 1);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Case_TakenThroughManySteps_ReadsBackEqualWithStepsInOrder(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var subjectId = world.MemberOf(world.CellA1, 0).Id;
        var helperId = world.MemberOf(world.CellA1, 1).Id;

        // Opened and directed in one save (the new case and two steps are inserted together)...
        var id = await factory.WithDbAsync(async db =>
        {
            var subject = await db.Members.SingleAsync(m => m.Id == subjectId);
            var c = ScreeningCase.Propose(subject, [ReasonCode.C3, ReasonCode.C1], "Hai năm liền không hoàn thành nhiệm vụ (2022, 2023)",
                At(2024, 3, 4, Secretary, note: "Theo ý kiến của Ban công tác Mặt trận khu dân cư"));
            c.Direct(true, At(2024, 3, 11, Committee));
            db.ScreeningCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        // ...then moved on in later requests, each loading the case afresh.
        await AdvanceAsync(factory, id, async (c, db) =>
        {
            var helper = await db.Members.SingleAsync(m => m.Id == helperId);
            c.RecordListBallot(CellPass, 5, Book, At(2024, 3, 20, Secretary, DocumentKind.BienBan, "12-BB/CB"));
            c.RecordSelfCriticism(At(2024, 3, 25, Secretary, DocumentKind.BanTuKiemDiem));
            c.AssignHelper(helper, false, Book, At(2024, 4, 1, Secretary, DocumentKind.NghiQuyet, "05-NQ/CB"));
        });
        await AdvanceAsync(factory, id, (c, _) =>
        {
            c.AddProgressNote("Tham gia sinh hoạt đầy đủ, đã nộp đảng phí còn thiếu", At(2024, 9, 2, Secretary));
            return Task.CompletedTask;
        });
        var saved = await AdvanceAsync(factory, id, (c, _) =>
        {
            c.RecordFinalReview("Đã khắc phục một phần", "Chưa tiến bộ rõ rệt", At(2025, 4, 1, Secretary, DocumentKind.BanTuKiemDiem));
            c.RecordBallot(CellPass, 5, Book, At(2025, 4, 8, Secretary, DocumentKind.BienBan, "20-BB/CB"));
            c.Forward(new BallotTally(9, 9, 9, 8, 1), true, Book, At(2025, 4, 15, Committee, DocumentKind.NghiQuyet, "31-NQ/ĐU"));
            c.RecordVerification(true, "Vi phạm được khẳng định qua xác minh tại nơi cư trú", At(2025, 5, 6, Inspector, DocumentKind.KetLuan, "07-KL/UBKT"));
            c.Advise(Disposition.RemoveFromRoll, At(2025, 5, 13, Dept, DocumentKind.ToTrinh, "44-TTr/BTC"));
            return Task.CompletedTask;
        });
        Assert.Equal(ScreeningStatus.Advised, saved.Status);
        Assert.Equal(11, saved.Steps.Count);

        var loaded = await factory.WithDbAsync(db => db.ScreeningCases.AsNoTracking().SingleAsync(c => c.Id == id));
        foreach (var property in ScalarProperties(factory))
        {
            var expected = property.GetValue(saved);
            var actual = property.GetValue(loaded);
            Assert.True(Equals(expected, actual), $"{property.Name}: saved «{expected}», read back «{actual}»");
        }
        Assert.Equal([ReasonCode.C1, ReasonCode.C3], loaded.Reasons);
        Assert.Equal(helperId, loaded.HelperMemberId);
        Assert.Equal(new DateOnly(2025, 4, 1), loaded.HelpEndsOn);
        Assert.Equal(Disposition.RemoveFromRoll, loaded.Recommendation);
        Assert.Equal(3, loaded.Version); // three saves after the insert, one of them only adding a progress note

        Assert.Equal(Enumerable.Range(1, 11), loaded.Steps.Select(s => s.Sequence));
        for (var i = 0; i < saved.Steps.Count; i++)
        {
            var (a, b) = (saved.Steps[i], loaded.Steps[i]);
            Assert.True(b.Id > 0);
            Assert.Equal(id, b.ScreeningCaseId);
            Assert.Equal((a.Sequence, a.Cycle, a.Action, a.FromStatus, a.ToStatus), (b.Sequence, b.Cycle, b.Action, b.FromStatus, b.ToStatus));
            Assert.Equal(a.Actor, b.Actor);
            Assert.Equal(a.RecordedAtUtc, b.RecordedAtUtc);
            Assert.Equal(DateTimeKind.Utc, b.RecordedAtUtc.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : b.RecordedAtUtc.Kind);
            Assert.Equal(a.EffectiveOn, b.EffectiveOn);
            Assert.Equal(a.Document, b.Document);
            Assert.Equal(a.Tally, b.Tally);
            Assert.Equal(a.Summary, b.Summary);
            Assert.Equal(a.Note, b.Note);
        }
        Assert.Null(loaded.Steps[0].FromStatus);
        Assert.Equal("Theo ý kiến của Ban công tác Mặt trận khu dân cư", loaded.Steps[0].Note);
        Assert.Null(loaded.Steps[1].Document);
        Assert.Null(loaded.Steps[1].Tally);
        Assert.Equal(new DocumentRef(DocumentKind.BienBan, "12-BB/CB", new DateOnly(2024, 3, 20), "Nguyễn Văn Ký"), loaded.Steps[2].Document);
        Assert.Equal(CellPass, loaded.Steps[2].Tally);
        Assert.Equal(Committee, loaded.Steps[8].Actor);
        Assert.Equal(new BallotTally(9, 9, 9, 8, 1), loaded.Steps[8].Tally);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ReasonsAndGrounds_RoundTripAsOneTextColumnEach(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var (educationId, directId) = await factory.WithDbAsync(async db =>
        {
            var a = await db.Members.SingleAsync(m => m.Id == world.MemberOf(world.CellB1, 0).Id);
            var b = await db.Members.SingleAsync(m => m.Id == world.MemberOf(world.CellB1, 1).Id);
            var education = ScreeningCase.Propose(a, [ReasonCode.C5, ReasonCode.C2, ReasonCode.C4], null, At(2025, 1, 6, Secretary));
            var direct = ScreeningCase.ProposeDirectRemoval(b, [DirectRemovalGround.UnpaidDues, DirectRemovalGround.MissedMeetings],
                "Bỏ sinh hoạt và không đóng đảng phí tháng 3, 5, 7/2024", At(2025, 1, 6, Secretary));
            db.ScreeningCases.AddRange(education, direct);
            await db.SaveChangesAsync();
            return (education.Id, direct.Id);
        });

        await factory.WithDbAsync(async db =>
        {
            var education = await db.ScreeningCases.AsNoTracking().SingleAsync(c => c.Id == educationId);
            var direct = await db.ScreeningCases.AsNoTracking().SingleAsync(c => c.Id == directId);
            Assert.Equal([ReasonCode.C2, ReasonCode.C4, ReasonCode.C5], education.Reasons);
            Assert.Empty(education.Grounds);
            Assert.Equal([DirectRemovalGround.MissedMeetings, DirectRemovalGround.UnpaidDues], direct.Grounds);
            Assert.Empty(direct.Reasons);

            var raw = await db.Database.SqlQueryRaw<string>(
                "SELECT \"Reasons\" || '|' || \"Grounds\" AS \"Value\" FROM \"ScreeningCases\" ORDER BY \"Id\"").ToListAsync();
            Assert.Equal(["C2,C4,C5|", "|MissedMeetings,UnpaidDues"], raw);
        });
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Case_AdvancedFromOneStaleReadInTwoContexts_SecondSaveThrowsConcurrencyException(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var id = await OpenDirectedCaseAsync(factory, world.MemberOf(world.CellA1, 2).Id);

        using var scope1 = factory.Services.CreateScope();
        using var scope2 = factory.Services.CreateScope();
        var db1 = scope1.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var db2 = scope2.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var first = await db1.ScreeningCases.SingleAsync(c => c.Id == id);
        var second = await db2.ScreeningCases.SingleAsync(c => c.Id == id);

        first.RecordListBallot(CellPass, 5, Book, At(2025, 2, 10, Secretary, DocumentKind.BienBan));
        second.RecordListBallot(new BallotTally(5, 5, 5, 1, 4), 5, Book, At(2025, 2, 10, Secretary, DocumentKind.BienBan));
        await db1.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());

        var stored = await factory.WithDbAsync(db => db.ScreeningCases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(ScreeningStatus.Listed, stored.Status);
        Assert.Equal(3, stored.Steps.Count);
        Assert.Equal(CellPass, stored.Steps[^1].Tally);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Case_StepsThatChangeNoCaseColumnFromOneStaleRead_SecondSaveThrowsConcurrencyException(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var id = await OpenDirectedCaseAsync(factory, world.MemberOf(world.CellA2, 0).Id);
        await AdvanceAsync(factory, id, (c, _) =>
        {
            c.RecordListBallot(CellPass, 5, Book, At(2025, 2, 10, Secretary, DocumentKind.BienBan));
            c.RecordSelfCriticism(At(2025, 2, 12, Secretary, DocumentKind.BanTuKiemDiem));
            return Task.CompletedTask;
        });

        using var scope1 = factory.Services.CreateScope();
        using var scope2 = factory.Services.CreateScope();
        var db1 = scope1.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var db2 = scope2.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var first = await db1.ScreeningCases.SingleAsync(c => c.Id == id);
        var second = await db2.ScreeningCases.SingleAsync(c => c.Id == id);

        // Receiving the self-criticism again changes no column of the case, only adds a step.
        first.RecordSelfCriticism(At(2025, 2, 13, Secretary, DocumentKind.BanTuKiemDiem));
        second.RecordSelfCriticism(At(2025, 2, 14, Secretary, DocumentKind.BanTuKiemDiem));
        await db1.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());

        var stored = await factory.WithDbAsync(db => db.ScreeningCases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(5, stored.Steps.Count);
        Assert.Equal(new DateOnly(2025, 2, 13), stored.Steps[^1].EffectiveOn);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Decide_SavesCaseAndMemberRollStateTogether_AndRollsBothBackWhenTheSaveFails(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var decidedMemberId = world.MemberOf(world.CellB1, 3).Id;
        var failedMemberId = world.MemberOf(world.CellB1, 4).Id;
        var decidedCaseId = await OpenAdvisedCaseAsync(factory, decidedMemberId);
        var failedCaseId = await OpenAdvisedCaseAsync(factory, failedMemberId);

        await factory.WithDbAsync(async db =>
        {
            var c = await db.ScreeningCases.SingleAsync(x => x.Id == decidedCaseId);
            var m = await db.Members.SingleAsync(x => x.Id == decidedMemberId);
            c.Decide(Disposition.RemoveFromRoll, m, StandingPass, Book, At(2025, 6, 2, Standing, DocumentKind.QuyetDinh, "120-QĐ/ĐU"));
            await db.SaveChangesAsync();
        });
        await factory.WithDbAsync(async db =>
        {
            var c = await db.ScreeningCases.AsNoTracking().SingleAsync(x => x.Id == decidedCaseId);
            var m = await db.Members.AsNoTracking().SingleAsync(x => x.Id == decidedMemberId);
            Assert.Equal(ScreeningStatus.RemovedFromRoll, c.Status);
            Assert.Equal(new DateOnly(2025, 6, 2), c.DecidedOn);
            Assert.Equal(RollState.RemovedFromRoll, m.RollState);
            Assert.Equal(new DateOnly(2025, 6, 2), m.LeftOn);
            Assert.Contains("120-QĐ/ĐU", m.LeaveNote, StringComparison.Ordinal);
        });

        // The same decision on a member someone else edited meanwhile: the member's update fails its
        // concurrency check, and the case's update and new step must not survive without it.
        using var scope = factory.Services.CreateScope();
        var stale = scope.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        var staleCase = await stale.ScreeningCases.SingleAsync(x => x.Id == failedCaseId);
        var staleMember = await stale.Members.SingleAsync(x => x.Id == failedMemberId);
        await factory.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == failedMemberId);
            m.UpdateProfile(new MemberProfile
            {
                FullName = m.FullName, Gender = m.Gender, DateOfBirth = m.DateOfBirth, Ethnicity = m.Ethnicity,
                CitizenId = m.CitizenId, PlaceOfBirth = m.PlaceOfBirth, Phone = "0903 000 111",
            });
            await db.SaveChangesAsync();
        });
        staleCase.Decide(Disposition.RemoveFromRoll, staleMember, StandingPass, Book, At(2025, 6, 2, Standing, DocumentKind.QuyetDinh, "121-QĐ/ĐU"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());

        await factory.WithDbAsync(async db =>
        {
            var c = await db.ScreeningCases.AsNoTracking().SingleAsync(x => x.Id == failedCaseId);
            var m = await db.Members.AsNoTracking().SingleAsync(x => x.Id == failedMemberId);
            Assert.Equal(ScreeningStatus.Advised, c.Status);
            Assert.Null(c.DecidedOn);
            Assert.DoesNotContain(c.Steps, s => s.Action == ScreeningAction.Decide);
            Assert.Equal(RollState.Active, m.RollState);
            Assert.Null(m.LeftOn);
            Assert.Equal("0903 000 111", m.Phone);
        });
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Steps_UpdateOrDeleteThroughDbContext_Throws(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var id = await OpenDirectedCaseAsync(factory, world.MemberOf(world.GrassrootsCell, 0).Id);

        await factory.WithDbAsync(async db =>
        {
            var c = await db.ScreeningCases.SingleAsync(x => x.Id == id);
            db.Entry(c.Steps[0]).Property(s => s.Summary).CurrentValue = "sửa lén";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        await factory.WithDbAsync(async db =>
        {
            var c = await db.ScreeningCases.SingleAsync(x => x.Id == id);
            db.Remove(c.Steps[1]);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });

        var stored = await factory.WithDbAsync(db => db.ScreeningCases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(2, stored.Steps.Count);
        Assert.NotEqual("sửa lén", stored.Steps[0].Summary);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Holidays_SeededAtStartup_CalendarServiceCountsWorkingDaysAcrossTet2026AsTheDomainDoes(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var calendars = factory.Services.GetRequiredService<WorkingCalendarService>();

        var stored = await factory.WithDbAsync(db => db.Holidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync());
        Assert.Equal(VietnameseHolidays.Seed.OrderBy(e => e.Date).ToList(), stored.Select(h => h.ToEntry()).ToList());

        var calendar = await calendars.GetAsync(CancellationToken.None);
        // Friday 13/02/2026 is the last working day before Tết Bính Ngọ (Sat 14/02 – Sun 22/02).
        Assert.Equal(new DateOnly(2026, 2, 23), calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 1));
        Assert.Equal(new DateOnly(2026, 3, 5), calendar.AddWorkingDays(new DateOnly(2026, 2, 10), 12));
        for (var start = new DateOnly(2026, 1, 20); start <= new DateOnly(2026, 3, 1); start = start.AddDays(1))
        {
            foreach (var n in new[] { 1, 5, 30, 90 })
                Assert.Equal(VietnameseHolidays.Calendar.AddWorkingDays(start, n), calendar.AddWorkingDays(start, n));
        }
        Assert.Same(calendar, await calendars.GetAsync(CancellationToken.None));

        // An added day shows only after Invalidate() (the Admin page calls it).
        await factory.WithDbAsync(async db =>
        {
            db.Holidays.Add(new Holiday { Date = new DateOnly(2026, 11, 24), Name = "Ngày Văn hóa Việt Nam", Kind = HolidayKind.Holiday });
            await db.SaveChangesAsync();
        });
        Assert.True((await calendars.GetAsync(CancellationToken.None)).IsWorkingDay(new DateOnly(2026, 11, 24)));
        calendars.Invalidate();
        Assert.False((await calendars.GetAsync(CancellationToken.None)).IsWorkingDay(new DateOnly(2026, 11, 24)));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AttachmentStore_RefusesDisguisedAndOversizedFiles_KeepsPdfWithMatchingSha256(TestDatabase database)
    {
        using var factory = new PartyRosterFactory(database);
        var world = await TestWorld.CreateAsync(factory);
        var caseId = await OpenDirectedCaseAsync(factory, world.MemberOf(world.CellA1, 4).Id);
        using var scope = factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();
        Assert.Equal(Path.Combine(factory.DataDirectory, "attachments"), store.Root);

        // A Windows program renamed to .pdf: refused on its first bytes, whatever its name says.
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
        var wrongType = await Assert.ThrowsAsync<DomainException>(() =>
            store.SaveAsync(caseId, 1, "bien-ban.pdf", new MemoryStream(exe), "u-sec", CancellationToken.None));
        Assert.Equal("Chỉ nhận tệp PDF, JPG hoặc PNG.", wrongType.Message);

        var big = new byte[11 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(big);
        var tooLarge = await Assert.ThrowsAsync<DomainException>(() =>
            store.SaveAsync(caseId, 1, "ban-chup.pdf", new MemoryStream(big), "u-sec", CancellationToken.None));
        Assert.Equal("Tệp quá lớn (tối đa 10 MB).", tooLarge.Message);

        var caseFolder = Path.Combine(store.Root, caseId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Directory.Exists(caseFolder) ? Directory.GetFiles(caseFolder) : []);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CaseAttachments.CountAsync()));

        var pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
        var saved = await store.SaveAsync(caseId, 2, @"C:\Tài liệu\Nghị quyết 05-NQ.pdf", new MemoryStream(pdf), "u-sec", CancellationToken.None);

        var row = await factory.WithDbAsync(db => db.CaseAttachments.AsNoTracking().SingleAsync());
        Assert.Equal(saved.Id, row.Id);
        Assert.Equal(caseId, row.ScreeningCaseId);
        Assert.Equal(2, row.StepSequence);
        Assert.Equal("Nghị quyết 05-NQ.pdf", row.FileName);
        Assert.Equal("application/pdf", row.ContentType);
        Assert.Equal(pdf.Length, row.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), row.Sha256);
        Assert.Equal("u-sec", row.UploadedByUserId);
        Assert.DoesNotContain("Nghị", row.StoredName, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(caseFolder, row.StoredName)], Directory.GetFiles(caseFolder));

        await using (var read = store.OpenRead(row))
        using (var copy = new MemoryStream())
        {
            await read.CopyToAsync(copy);
            Assert.Equal(pdf, copy.ToArray());
        }
        Assert.True(await store.VerifyAsync(row));
        await File.WriteAllBytesAsync(store.PathOf(row), [.. pdf, (byte)' ']);
        Assert.False(await store.VerifyAsync(row));
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A context on the date (recorded that day at noon, Vietnam time), with a document when a kind is given.</summary>
    private static StepContext At(int y, int m, int d, Actor actor, DocumentKind? kind = null, string? number = null, string? note = null)
    {
        var date = new DateOnly(y, m, d);
        var document = kind is { } k ? new DocumentRef(k, number ?? (DocumentRef.NeedsNumber(k) ? "01-" + k : null), date, "Nguyễn Văn Ký") : null;
        return new StepContext(actor, date, date.ToDateTime(new TimeOnly(5, 0), DateTimeKind.Utc), document, note);
    }

    /// <summary>Loads the case in a fresh context (as a page does), runs <paramref name="work"/>, saves; returns the case as saved.</summary>
    private static Task<ScreeningCase> AdvanceAsync(PartyRosterFactory factory, int id, Func<ScreeningCase, PartyRosterDbContext, Task> work) =>
        factory.WithDbAsync(async db =>
        {
            var c = await db.ScreeningCases.SingleAsync(x => x.Id == id);
            await work(c, db);
            await db.SaveChangesAsync();
            return c;
        });

    private static Task<int> OpenDirectedCaseAsync(PartyRosterFactory factory, int memberId) =>
        factory.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == memberId);
            var c = ScreeningCase.Propose(member, [ReasonCode.C1], "Hai năm liền không hoàn thành nhiệm vụ", At(2025, 2, 3, Secretary));
            c.Direct(true, At(2025, 2, 5, Committee));
            db.ScreeningCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

    /// <summary>A direct-removal case taken to Advised (no help period, so no year to wait).</summary>
    private static Task<int> OpenAdvisedCaseAsync(PartyRosterFactory factory, int memberId) =>
        factory.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == memberId);
            var c = ScreeningCase.ProposeDirectRemoval(member, [DirectRemovalGround.MissedMeetings], "Bỏ sinh hoạt tháng 1, 3, 4/2025", At(2025, 5, 5, Secretary));
            c.RecordSelfCriticism(At(2025, 5, 7, Secretary, DocumentKind.BanTuKiemDiem));
            c.RecordBallot(CellPass, 5, Book, At(2025, 5, 9, Secretary, DocumentKind.BienBan));
            c.Forward(new BallotTally(9, 9, 9, 8, 1), true, Book, At(2025, 5, 12, Committee, DocumentKind.NghiQuyet));
            c.RecordVerification(true, "Khẳng định vi phạm", At(2025, 5, 20, Inspector, DocumentKind.KetLuan));
            c.Advise(Disposition.RemoveFromRoll, At(2025, 5, 26, Dept, DocumentKind.ToTrinh));
            db.ScreeningCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

    /// <summary>The case's mapped CLR properties (the code lists are field-only and compared on their own).</summary>
    private static List<System.Reflection.PropertyInfo> ScalarProperties(PartyRosterFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PartyRosterDbContext>();
        return [.. db.Model.FindEntityType(typeof(ScreeningCase))!.GetProperties().Where(p => p.PropertyInfo is not null).Select(p => p.PropertyInfo!)];
    }
}
