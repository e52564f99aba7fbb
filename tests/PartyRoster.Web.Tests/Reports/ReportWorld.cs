using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Calendar;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Data;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Reports;

/// <summary>
/// A known dataset on top of the test world, for reports with exact expected numbers (2021–2023):
/// <list type="bullet">
/// <item>A1[0] removed on the transfer-violation ground by a decided case (10/06/2022);</item>
/// <item>A1[1] removed for missed meetings by a decided case (20/05/2023) — its cell ballot is step 3 (5 eligible, 4 for);</item>
/// <item>A2[0] removed from the roll with no case (01/02/2023);</item>
/// <item>B1[0] expelled by a decided case (15/09/2022); B1[1] withdrew with no case (01/08/2021);</item>
/// <item>G[0] died (11/11/2022); G[1] transferred out (04/04/2022, not a removal);</item>
/// <item>new members: one admitted in cell A1 on 01/06/2021 (official 20/06/2022), one in cell B1 on 01/03/2023 (probationary);</item>
/// <item>A2[1] voted onto the help list on 20/01/2022 (still under help); A1[2] proposed, waiting for direction;</item>
/// <item>B1[2] withdrew on 1 January of the current year (for the dashboard's five-year window).</item>
/// </list>
/// Dues (<see cref="SeedDuesAsync"/>) in cells A1 and B1, for 2023 (Quyết định 342 rates) and for this year and last year (the
/// dashboard); transfers (<see cref="SeedTransfersAsync"/>) of every register kind in 2022 and 2023.
/// </summary>
public class ReportWorldFixture : IAsyncLifetime
{
    private static readonly RuleBook Book = RuleBook.Default;
    private static readonly BallotTally CellPass = new(5, 5, 5, 4, 1);
    private static readonly BallotTally CommitteePass = new(9, 9, 9, 8, 1);
    private static readonly BallotTally StandingPass = new(11, 10, 10, 9, 1);

    public ReportWorldFixture() : this(TestDatabase.Sqlite) { }

    protected ReportWorldFixture(TestDatabase database) => World = new WorldFixture(database);

    public WorldFixture World { get; }
    public PartyRosterFactory Factory => World.Factory;
    public TestWorld W => World.World;

    public int TransferCaseId { get; private set; }
    public int CharterCaseId { get; private set; }
    public int HelpCaseId { get; private set; }
    public int ProposedCaseId { get; private set; }
    public int ThisYear { get; } = DateTime.UtcNow.AddHours(7).Year;

    public async Task InitializeAsync()
    {
        await World.InitializeAsync();
        var w = W;
        Actor Secretary(Organization cell) => new("u-sec", "Bí thư", Role.CellSecretary, cell.Id);
        Actor committee = new("u-du", "Đảng ủy", Role.GrassrootsCommittee, w.CommitteeA.Id);
        Actor inspector = new("u-ubkt", "Ủy ban Kiểm tra", Role.InspectionCommittee, w.Root.Id);
        Actor dept = new("u-btc", "Ban Tổ chức", Role.OrganizationDept, w.Root.Id);
        Actor standing = new("u-btv", "Ban Thường vụ", Role.StandingCommittee, w.Root.Id);

        await Factory.WithDbAsync(async db =>
        {
            Member M(Organization cell, int i) => db.Members.Single(m => m.Id == w.MemberOf(cell, i).Id);

            async Task<int> Decided(Member member, Organization cell, DirectRemovalGround ground, Disposition outcome, DateOnly on)
            {
                var start = on.AddDays(-40);
                var c = ScreeningCase.ProposeDirectRemoval(member, [ground], "Chứng cứ", At(start, Secretary(cell)));
                c.RecordSelfCriticism(At(start.AddDays(2), Secretary(cell), DocumentKind.BanTuKiemDiem));
                c.RecordBallot(CellPass, 5, Book, At(start.AddDays(4), Secretary(cell), DocumentKind.BienBan));
                c.Forward(CommitteePass, true, Book, At(start.AddDays(8), committee, DocumentKind.NghiQuyet));
                c.RecordVerification(true, "Khẳng định vi phạm", At(start.AddDays(15), inspector, DocumentKind.KetLuan));
                c.Advise(outcome, At(start.AddDays(20), dept, DocumentKind.ToTrinh));
                c.Decide(outcome, member, StandingPass, Book, At(on, standing, DocumentKind.QuyetDinh));
                db.ScreeningCases.Add(c);
                await db.SaveChangesAsync();
                return c.Id;
            }

            TransferCaseId = await Decided(M(w.CellA1, 0), w.CellA1, DirectRemovalGround.TransferViolation, Disposition.RemoveFromRoll, new DateOnly(2022, 6, 10));
            CharterCaseId = await Decided(M(w.CellA1, 1), w.CellA1, DirectRemovalGround.MissedMeetings, Disposition.RemoveFromRoll, new DateOnly(2023, 5, 20));
            await Decided(M(w.CellB1, 0), w.CellB1, DirectRemovalGround.TwoYearsViolatingStandards, Disposition.Expel, new DateOnly(2022, 9, 15));

            M(w.CellA2, 0).Leave(RollState.RemovedFromRoll, new DateOnly(2023, 2, 1), "Quyết định số 5-QĐ/ĐU");
            M(w.CellB1, 1).Leave(RollState.Withdrew, new DateOnly(2021, 8, 1), "Quyết định số 9-QĐ/ĐU");
            M(w.CellB1, 2).Leave(RollState.Withdrew, new DateOnly(ThisYear, 1, 1), "Quyết định số 1-QĐ/ĐU");
            M(w.GrassrootsCell, 0).RecordDeath(new DateOnly(2022, 11, 11), null);
            M(w.GrassrootsCell, 1).Leave(RollState.TransferredOut, new DateOnly(2022, 4, 4), "Chuyển đi");

            db.Members.Add(NewMember("Hoàng Thị Mới", db.Organizations.Single(o => o.Id == w.CellA1.Id), new DateOnly(2021, 6, 1), new DateOnly(2022, 6, 20)));
            db.Members.Add(NewMember("Vũ Văn Dự Bị", db.Organizations.Single(o => o.Id == w.CellB1.Id), new DateOnly(2023, 3, 1), null));

            var helped = ScreeningCase.Propose(M(w.CellA2, 1), [ReasonCode.C4, ReasonCode.C5], "Vi phạm quy định nêu gương", At(new DateOnly(2022, 1, 10), Secretary(w.CellA2)));
            helped.Direct(true, At(new DateOnly(2022, 1, 15), committee));
            helped.RecordListBallot(CellPass, 5, Book, At(new DateOnly(2022, 1, 20), Secretary(w.CellA2), DocumentKind.BienBan));
            db.ScreeningCases.Add(helped);

            var proposed = ScreeningCase.Propose(M(w.CellA1, 2), [ReasonCode.C4], "Uống rượu say gây mất trật tự", At(new DateOnly(ThisYear, 1, 2), Secretary(w.CellA1)));
            db.ScreeningCases.Add(proposed);
            await db.SaveChangesAsync();
            HelpCaseId = helped.Id;
            ProposedCaseId = proposed.Id;
        });
        await SeedDuesAsync();
        await SeedTransfersAsync();
    }

    /// <summary>Today in Vietnam, as the app reads it.</summary>
    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>The member admitted in cell B1 on 01/03/2023 (a student from March 2023).</summary>
    public int MidYearMemberId { get; private set; }

    /// <summary>
    /// Dues in 2023 (all months ended; QĐ 342: 1% of salary, 0,5% of pension, students 2.000 đ):
    /// <list type="bullet">
    /// <item>A1[1] salary 10.000.000 (100.000 đ) from 01/2023, removed 20/05/2023: owes 01–04, paid 01, 02 (200.000 đ);</item>
    /// <item>A1[2] salary 20.000.000 (200.000 đ): owes 12, paid 12 (2.400.000 đ);</item>
    /// <item>A1[3] salary 15.000.000 (150.000 đ): owes 12, paid 01–08 (07 and 08 late, on 05/09/2023; 1.200.000 đ) — 4 unpaid;</item>
    /// <item>A1[4] exempt (serious illness) from 01/2023: owes nothing; the member admitted in A1 in 2021 has no basis;</item>
    /// <item>B1's member admitted 01/03/2023: student from 03/2023, owes 03–12 (10), paid 03–07 (10.000 đ) — 5 unpaid;</item>
    /// <item>B1[3] "other" 5.000 đ: owes 12, paid 12 (60.000 đ); B1[2] (withdrew this January) pension 4.000.000 (20.000 đ): owes 12, paid 12 (240.000 đ).</item>
    /// </list>
    /// A1: 3 owing, 28 owed, 22 paid, 6 unpaid, 78,6%, 3.800.000 đ, 1 from 3 months; B1: 3, 34, 29, 5, 85,3%, 310.000 đ, 1.
    /// The bases go on: this year A1[2] has paid every month from January of last year to last month, A1[3] this year's
    /// months to last month; nobody in B1 paid after 2023.
    /// </summary>
    private Task SeedDuesAsync() => Factory.WithDbAsync(async db =>
    {
        var w = W;
        var today = Today;
        var rates = DuesRateBook.Default;
        var lastEnded = DuesCalendar.Of(today).AddMonths(-1);
        Member M(Organization cell, int i) => db.Members.Single(m => m.Id == w.MemberOf(cell, i).Id);
        var midYear = db.Members.Single(m => m.FullName == "Vũ Văn Dự Bị");
        MidYearMemberId = midYear.Id;

        async Task Dues(Member member, DuesBasisTerms terms, IEnumerable<int> months2023, long amount, Func<int, DateOnly>? paidOn = null,
            DateOnly? payFrom = null)
        {
            var dues = DuesMember.Of(member);
            var basis = new DuesBasis(dues, terms, rates, today);
            db.DuesBases.Add(basis);
            foreach (var month in months2023)
            {
                var dm = new DateOnly(2023, month, 1);
                db.DuesPayments.Add(new DuesPayment(dues, member.OrganizationId, [basis], dm, amount, paidOn?.Invoke(month) ?? dm.AddDays(9), null, rates, today));
            }
            if (payFrom is { } start)
            {
                foreach (var dm in DuesCalendar.Range(start, lastEnded))
                    db.DuesPayments.Add(new DuesPayment(dues, member.OrganizationId, [basis], dm, DuesLedger.Due(dues, [basis], dm, rates).Amount, dm.AddDays(9), null, rates, today));
            }
            await db.SaveChangesAsync();
        }

        var from2023 = new DateOnly(2023, 1, 1);
        await Dues(M(w.CellA1, 1), new(from2023, DuesBasisKind.InsuredSalary, 10_000_000), [1, 2], 100_000);
        await Dues(M(w.CellA1, 2), new(from2023, DuesBasisKind.InsuredSalary, 20_000_000), Enumerable.Range(1, 12), 200_000,
            payFrom: new DateOnly(today.Year - 1, 1, 1));
        await Dues(M(w.CellA1, 3), new(from2023, DuesBasisKind.InsuredSalary, 15_000_000), Enumerable.Range(1, 8), 150_000,
            m => m >= 7 ? new DateOnly(2023, 9, 5) : new DateOnly(2023, m, 10), new DateOnly(today.Year, 1, 1));
        await Dues(M(w.CellA1, 4), new(from2023, DuesBasisKind.Exempt, Ground: DuesExemptionGround.SeriousIllness), [], 0);
        await Dues(midYear, new(new DateOnly(2023, 3, 1), DuesBasisKind.Student), Enumerable.Range(3, 5), 2_000);
        await Dues(M(w.CellB1, 3), new(from2023, DuesBasisKind.OtherFixed, 5_000), Enumerable.Range(1, 12), 5_000);
        await Dues(M(w.CellB1, 2), new(from2023, DuesBasisKind.Pension, 4_000_000), Enumerable.Range(1, 12), 20_000);
    });

    /// <summary>
    /// Transfers: two official letters out of the chi bộ cơ sở (15/03/2023, presented 20/04/2023; 05/05/2022, still
    /// waiting for the slip) for two members who joined it for the purpose, one official reception into cell A2
    /// (A2[2], 10/07/2023), a temporary transfer of G[2] (01/02–31/07/2023, back on 01/08/2023), and a guest studying
    /// at the chi bộ cơ sở from 01/09/2023 to 31/08/2024. The roll today is unchanged by them.
    /// </summary>
    private Task SeedTransfersAsync() => Factory.WithDbAsync(async db =>
    {
        var w = W;
        var today = Today;
        var calendar = WorkingDayCalendar.WeekendsOnly;
        var g = db.Organizations.Single(o => o.Id == w.GrassrootsCell.Id);

        async Task<Member> Joined(string name, string card, DateOnly admitted)
        {
            var m = new Member(
                new MemberProfile { FullName = name, Gender = Gender.Male, DateOfBirth = new DateOnly(1980, 4, 4), Ethnicity = "Kinh" },
                new MemberAdmission { AdmissionDecisionDate = admitted, AdmissionCeremonyDate = admitted.AddDays(19), OfficialDate = admitted.AddYears(1).AddDays(19), PartyCardNumber = card },
                g);
            db.Members.Add(m);
            await db.SaveChangesAsync();
            return m;
        }

        var presented = Transfer.IssueOfficialOut(await Joined("Trịnh Văn Chuyển", "TN900001", new DateOnly(2010, 3, 1)), [], "12-GGT/ĐU",
            new DateOnly(2023, 3, 15), "Đảng bộ xã Hải Hậu, tỉnh Ninh Bình", null, calendar, Book, today);
        presented.ConfirmPresented(new DateOnly(2023, 4, 20), null, today);
        var waiting = Transfer.IssueOfficialOut(await Joined("Bùi Văn Chậm", "TN900002", new DateOnly(2012, 3, 1)), [], "07-GGT/ĐU",
            new DateOnly(2022, 5, 5), "Đảng bộ phường Hạ Long, tỉnh Quảng Ninh", null, calendar, Book, today);
        var received = Transfer.ReceiveOfficial(db.Members.Single(m => m.Id == w.MemberOf(w.CellA2, 2).Id), "21-GGT/HU", new DateOnly(2023, 7, 10),
            "Đảng bộ phường Bến Nghé, Thành phố Hồ Chí Minh", null, today);
        var away = db.Members.Single(m => m.Id == w.MemberOf(w.GrassrootsCell, 2).Id);
        var temporary = Transfer.SendTemporary(away, TemporaryPurpose.Work, new DateOnly(2023, 2, 1), new DateOnly(2023, 7, 31), "03-GGT/TT",
            "Chi bộ Công trường Nhơn Trạch, Đảng bộ tỉnh Đồng Nai", null, Book, today);
        temporary.RecordReturn(away, new DateOnly(2023, 8, 1), null, today);
        var guest = Transfer.HostGuest(g, "Mai Văn Khách", "KH000123", "Đảng bộ Trường Đại học Bách khoa Hà Nội", TemporaryPurpose.Study,
            new DateOnly(2023, 9, 1), new DateOnly(2024, 8, 31), "15-GGT/TT", null, Book, today);
        db.Transfers.AddRange(presented, waiting, received, temporary, guest);
        await db.SaveChangesAsync();
    });

    public Task DisposeAsync() => World.DisposeAsync();

    private static Member NewMember(string name, Organization cell, DateOnly admitted, DateOnly? official) => new(
        new MemberProfile { FullName = name, Gender = Gender.Female, DateOfBirth = new DateOnly(1995, 2, 2), Ethnicity = "Kinh" },
        new MemberAdmission { AdmissionDecisionDate = admitted, AdmissionCeremonyDate = admitted.AddDays(19), OfficialDate = official },
        cell);

    private static StepContext At(DateOnly date, Actor actor, DocumentKind? kind = null)
    {
        var document = kind is { } k ? new DocumentRef(k, DocumentRef.NeedsNumber(k) ? "01-" + k : null, date, "Nguyễn Văn Ký") : null;
        return new StepContext(actor, date, date.ToDateTime(new TimeOnly(5, 0), DateTimeKind.Utc), document);
    }
}

/// <summary>The same dataset on PostgreSQL: the reports' grouped queries must translate on both providers.</summary>
public sealed class PostgresReportWorldFixture() : ReportWorldFixture(TestDatabase.Postgres);
