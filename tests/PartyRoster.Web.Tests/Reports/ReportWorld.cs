using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Access;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Screening;
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
    }

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
