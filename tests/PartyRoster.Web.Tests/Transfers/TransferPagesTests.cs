using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Calendar;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Rules;
using PartyRoster.Domain.Transfers;
using PartyRoster.Web.Infrastructure;
using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Transfers;

/// <summary>
/// Transfers through the pages: letters, moves, temporary transfers, receptions, guests, the late lists, and the
/// UBKT's proceedings that block them. The tests share one world, so each uses members no other test touches.
/// </summary>
public sealed class TransferPagesTests(WorldFixture fx) : IClassFixture<WorldFixture>
{
    private static DateOnly Today => Format.Today(TimeProvider.System);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<Member> MemberAsync(int id) => fx.Factory.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));

    private Task<List<Transfer>> TransfersOfAsync(int memberId) =>
        fx.Factory.WithDbAsync(db => db.Transfers.AsNoTracking().Where(t => t.MemberId == memberId).ToListAsync());

    private Task<int> OpenInspectionAsync(int memberId) => fx.Factory.WithDbAsync(async db =>
    {
        var p = new MemberProceeding(memberId, ProceedingKind.Inspection, Today.AddDays(-10), "09-QĐ/UBKT", "Kiểm tra kê khai tài sản", Today);
        db.MemberProceedings.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });

    [Fact]
    public async Task IssuingAnOfficialOutLetter_TakesTheMemberOffTheRoll_AndIsAudited()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA1, 0);
        var client = await fx.ClientForAsync("dept");

        var response = await Forms.PostFormAsync(client, $"/Transfers/Out?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.LetterNumber"] = "21-GT/ĐU",
            ["Input.IssuedOn"] = Format.Date(Today),
            ["Input.Destination"] = "Đảng ủy xã Yên Mông, tỉnh Phú Thọ",
        }, "#form-out");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await MemberAsync(member.Id);
        Assert.Equal(RollState.TransferredOut, saved.RollState);
        Assert.Equal(Today, saved.LeftOn);
        var transfer = Assert.Single(await TransfersOfAsync(member.Id));
        Assert.Equal(TransferKind.OfficialOut, transfer.Kind);
        Assert.Equal(TransferStatus.InProgress, transfer.Status);
        Assert.Equal(VietnameseHolidays.Calendar.AddWorkingDays(Today, 30), transfer.Deadline);

        var audit = await fx.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(Transfer) && a.EntityId == Id(transfer.Id)) || (a.EntityType == nameof(Member) && a.EntityId == Id(member.Id)))
            .ToListAsync());
        Assert.Contains(audit, a => a.EntityType == nameof(Transfer) && a.Action == "Tạo mới" && a.Changes.Contains("21-GT/ĐU", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.EntityType == nameof(Member) && a.Changes.Contains(nameof(RollState.TransferredOut), StringComparison.Ordinal));

        // The letter shows on the list of letters waiting for their slip, with its working days left.
        var index = await Forms.GetDocumentAsync(client, "/Transfers");
        Assert.NotNull(index.QuerySelector($"#waiting tr[data-transfer='{transfer.Id}']"));

        // The slip comes back: the record closes; the member stays off this roll.
        var confirm = await Forms.PostFormAsync(client, $"/Transfers/Details/{transfer.Id}", new Dictionary<string, string?>
        {
            ["Close.Date"] = Format.Date(Today),
            ["Close.Note"] = "Phiếu báo của Chi bộ Thôn 2",
        }, "#form-confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(TransferStatus.Completed, Assert.Single(await TransfersOfAsync(member.Id)).Status);
        Assert.Equal(RollState.TransferredOut, (await MemberAsync(member.Id)).RollState);
    }

    [Fact]
    public async Task OpenInspection_RefusesTheLetterAndTheMove_WithAVietnameseMessage_AndChangesNothing()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA1, 1);
        await OpenInspectionAsync(member.Id);
        var client = await fx.ClientForAsync("dept");

        var page = await Forms.GetDocumentAsync(client, $"/Transfers/Out?memberId={member.Id}");
        Assert.Contains("09-QĐ/UBKT", page.QuerySelector("#blocked")!.TextContent, StringComparison.Ordinal);

        var response = await Forms.PostFormAsync(client, $"/Transfers/Out?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.LetterNumber"] = "22-GT/ĐU",
            ["Input.IssuedOn"] = Format.Date(Today),
            ["Input.Destination"] = "Đảng ủy xã Yên Mông",
        }, "#form-out");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Forms.Errors(await Forms.ParseAsync(response));
        Assert.Contains(errors, e => e.Contains("Không thể chuyển sinh hoạt đảng", StringComparison.Ordinal)
            && e.Contains("Kiểm tra khi có dấu hiệu vi phạm", StringComparison.Ordinal));

        var move = await Forms.PostFormAsync(client, $"/Transfers/Move?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.ToCellId"] = Id(w.CellA2.Id),
            ["Input.MovedOn"] = Format.Date(Today),
        }, "#form-move");
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(move)), e => e.Contains("chưa kết thúc", StringComparison.Ordinal));

        var saved = await MemberAsync(member.Id);
        Assert.Equal(RollState.Active, saved.RollState);
        Assert.Equal(w.CellA1.Id, saved.OrganizationId);
        Assert.Empty(await TransfersOfAsync(member.Id));
    }

    [Fact]
    public async Task CellSecretary_SeesOnlyThatTheTransferIsBlocked_TheUbktSeesTheProceeding()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA1, 4);
        await OpenInspectionAsync(member.Id);

        var secretary = await Forms.GetDocumentAsync(await fx.ClientForAsync("secretaryA1"), $"/Members/Details/{member.Id}");
        var blocked = secretary.QuerySelector("#transfer-blocked")!.TextContent;
        Assert.Contains("chưa thể chuyển sinh hoạt", blocked, StringComparison.Ordinal);
        Assert.DoesNotContain("09-QĐ/UBKT", secretary.QuerySelector("#transfers")!.TextContent, StringComparison.Ordinal);
        Assert.Null(secretary.QuerySelector("#start-out"));

        var inspector = await Forms.GetDocumentAsync(await fx.ClientForAsync("inspector"), $"/Members/Details/{member.Id}");
        Assert.Contains("09-QĐ/UBKT", inspector.QuerySelector("#proceedings")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(inspector.QuerySelector("#open-proceeding"));
        Assert.Null(inspector.QuerySelector("#start-out"));

        var dept = await Forms.GetDocumentAsync(await fx.ClientForAsync("dept"), $"/Members/Details/{member.Id}");
        Assert.Contains("09-QĐ/UBKT", dept.QuerySelector("#transfer-blocked")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(dept.QuerySelector("#start-out"));
    }

    [Fact]
    public async Task InternalMove_PlacesTheMemberInTheNewCell_ButNotIntoAnotherCommitteesCell()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA1, 2);
        var client = await fx.ClientForAsync("committeeA");

        var outside = await Forms.PostFormAsync(client, $"/Transfers/Move?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.ToCellId"] = Id(w.CellB1.Id),
            ["Input.MovedOn"] = Format.Date(Today),
        }, "#form-move");
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(outside)), e => e.Contains("không thuộc phạm vi quản lý", StringComparison.Ordinal));
        Assert.Equal(w.CellA1.Id, (await MemberAsync(member.Id)).OrganizationId);

        var response = await Forms.PostFormAsync(client, $"/Transfers/Move?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.ToCellId"] = Id(w.CellA2.Id),
            ["Input.MovedOn"] = Format.Date(Today),
            ["Input.LetterNumber"] = "17-QĐ/ĐU",
        }, "#form-move");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await MemberAsync(member.Id);
        Assert.Equal(w.CellA2.Id, saved.OrganizationId);
        Assert.Equal(RollState.Active, saved.RollState);
        var transfer = Assert.Single(await TransfersOfAsync(member.Id));
        Assert.Equal((TransferKind.Internal, w.CellA1.Id, w.CellA2.Id), (transfer.Kind, transfer.FromCellId!.Value, transfer.ToCellId!.Value));

        // The profile's history shows the move.
        var profile = await Forms.GetDocumentAsync(client, $"/Members/Details/{member.Id}");
        Assert.Contains(w.CellA2.Name, profile.QuerySelector("#transfer-history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberOutsideScope_GetsNotFound_OnGetAndPost()
    {
        var w = fx.World;
        var other = w.MemberOf(w.CellB1, 0);
        var client = await fx.ClientForAsync("committeeA");
        foreach (var page in new[] { "Out", "Move", "Away" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Transfers/{page}?memberId={other.Id}")).StatusCode);

        var own = await Forms.GetDocumentAsync(client, $"/Transfers/Out?memberId={w.MemberOf(w.CellA1, 3).Id}");
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync($"/Transfers/Out?memberId={other.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.LetterNumber"] = "99-GT",
            ["Input.IssuedOn"] = Format.Date(Today),
            ["Input.Destination"] = "Đảng ủy xã Khác",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(RollState.Active, (await MemberAsync(other.Id)).RollState);
        Assert.Empty(await TransfersOfAsync(other.Id));
    }

    [Fact]
    public async Task CellSecretary_IsForbiddenTheTransferForms_ButReadsTheLists()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA1, 3);
        var client = await fx.ClientForAsync("secretaryA1");
        foreach (var url in new[] { $"/Transfers/Out?memberId={member.Id}", $"/Transfers/Move?memberId={member.Id}",
                     $"/Transfers/Away?memberId={member.Id}", "/Transfers/Receive", "/Transfers/Guest", "/Transfers/Proceedings",
                     $"/Transfers/Proceedings/Open?memberId={member.Id}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Transfers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Transfers/Reportable")).StatusCode);
    }

    [Fact]
    public async Task LateList_ShowsALetterThreeMonthsAndOneDayLate_NotOneExactlyThreeMonthsLate()
    {
        var w = fx.World;
        var overdue = w.MemberOf(w.GrassrootsCell, 0);
        var borderline = w.MemberOf(w.GrassrootsCell, 1);
        var (overdueId, borderlineId) = await fx.Factory.WithDbAsync(async db =>
        {
            // A calendar where every day is a working day, so the stored deadline is exactly the issue date + 30 days.
            var start = Today.AddYears(-1);
            var weekends = Enumerable.Range(0, 400).Select(start.AddDays).Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            var everyDay = new WorkingDayCalendar([], weekends);
            Transfer Letter(Member m, DateOnly deadline) =>
                Transfer.IssueOfficialOut(m, [], "L-" + m.Id, deadline.AddDays(-30), "Đảng ủy xã Nghĩa Lạc", null, everyDay, RuleBook.Default, Today);
            var a = Letter(await db.Members.SingleAsync(m => m.Id == overdue.Id), Today.AddDays(-1).AddMonths(-3));
            var b = Letter(await db.Members.SingleAsync(m => m.Id == borderline.Id), Today.AddMonths(-3));
            db.Transfers.AddRange(a, b);
            await db.SaveChangesAsync();
            Assert.Equal(Today.AddDays(-1).AddMonths(-3), a.Deadline);
            return (a.Id, b.Id);
        });
        var client = await fx.ClientForAsync("dept");

        var report = await Forms.GetDocumentAsync(client, "/Transfers/Reportable");
        var table = report.QuerySelector("#reportable")!;
        Assert.NotNull(table.QuerySelector($"tr[data-transfer='{overdueId}']"));
        Assert.Null(table.QuerySelector($"tr[data-transfer='{borderlineId}']"));
        Assert.Contains(overdue.FullName, table.TextContent, StringComparison.Ordinal);

        var index = await Forms.GetDocumentAsync(client, "/Transfers");
        Assert.NotNull(index.QuerySelector($"#reportable tr[data-transfer='{overdueId}']"));
        Assert.NotNull(index.QuerySelector($"#late tr[data-transfer='{borderlineId}']"));

        // Another đảng bộ's committee does not see them; the grassroots cell's own readers do.
        var committeeA = await Forms.GetDocumentAsync(await fx.ClientForAsync("committeeA"), "/Transfers/Reportable");
        Assert.Null(committeeA.QuerySelector($"tr[data-transfer='{overdueId}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await fx.ClientForAsync("committeeA")).GetAsync($"/Transfers/Details/{overdueId}")).StatusCode);
    }

    [Fact]
    public async Task TemporaryTransfer_MarksTheMemberAway_AndTheReturnBringsThemBack()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellA2, 0);
        var client = await fx.ClientForAsync("committeeA");

        var tooShort = await Forms.PostFormAsync(client, $"/Transfers/Away?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Purpose"] = nameof(TemporaryPurpose.Work),
            ["Input.From"] = Format.Date(Today),
            ["Input.To"] = Format.Date(Today.AddMonths(2)),
            ["Input.LetterNumber"] = "5-GTT/ĐU",
            ["Input.Organization"] = "Chi bộ Thôn 5, Đảng ủy xã Hải Hậu",
        }, "#form-away");
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(tooShort)), e => e.Contains("từ 3 tháng trở lên", StringComparison.Ordinal));
        Assert.Empty(await TransfersOfAsync(member.Id));

        var response = await Forms.PostFormAsync(client, $"/Transfers/Away?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Purpose"] = nameof(TemporaryPurpose.Study),
            ["Input.From"] = Format.Date(Today),
            ["Input.To"] = Format.Date(Today.AddMonths(18)),
            ["Input.LetterNumber"] = "5-GTT/ĐU",
            ["Input.Organization"] = "Chi bộ Học viên, Đảng bộ Học viện Chính trị khu vực I",
        }, "#form-away");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RollState.TemporarilyAway, (await MemberAsync(member.Id)).RollState);
        var transfer = Assert.Single(await TransfersOfAsync(member.Id));

        var index = await Forms.GetDocumentAsync(client, "/Transfers");
        Assert.NotNull(index.QuerySelector($"#away tr[data-transfer='{transfer.Id}']"));

        var back = await Forms.PostFormAsync(client, $"/Transfers/Details/{transfer.Id}", new Dictionary<string, string?>
        {
            ["Close.Date"] = Format.Date(Today),
        }, "#form-return");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(RollState.Active, (await MemberAsync(member.Id)).RollState);
        Assert.Equal(TransferStatus.Completed, Assert.Single(await TransfersOfAsync(member.Id)).Status);
    }

    [Fact]
    public async Task ReceivingAMember_CreatesTheRecordInTheCell_WithTheReceptionInItsHistory()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("dept");
        var values = new Dictionary<string, string?>
        {
            ["Letter.Number"] = "88-GGT/HU",
            ["Letter.ReceivedOn"] = Format.Date(Today),
            ["Letter.Origin"] = "Đảng ủy xã Nghĩa Lạc, tỉnh Ninh Bình",
            ["Input.FullName"] = "Hoàng Thị Chuyển Đến",
            ["Input.Gender"] = "Female",
            ["Input.DateOfBirth"] = "12/08/1990",
            ["Input.Ethnicity"] = "Kinh",
            ["Input.AdmissionDecisionDate"] = "03/02/2015",
            ["Input.AdmissionCeremonyDate"] = "19/02/2015",
            ["Input.OfficialDate"] = "19/02/2016",
            ["Input.PartyCardNumber"] = "CD778899",
            ["Input.CellId"] = Id(w.CellB1.Id),
        };

        var future = await Forms.PostFormAsync(client, "/Transfers/Receive",
            new Dictionary<string, string?>(values) { ["Letter.ReceivedOn"] = Format.Date(Today.AddDays(1)) }, "#form-receive");
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(future)), e => e.Contains("không được sau ngày hôm nay", StringComparison.Ordinal));
        Assert.False(await fx.Factory.WithDbAsync(db => db.Members.AnyAsync(m => m.FullName == "Hoàng Thị Chuyển Đến")));

        var response = await Forms.PostFormAsync(client, "/Transfers/Receive", values, "#form-receive");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var member = await fx.Factory.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.FullName == "Hoàng Thị Chuyển Đến"));
        Assert.Equal(w.CellB1.Id, member.OrganizationId);
        Assert.Equal(RollState.Active, member.RollState);
        var transfer = Assert.Single(await TransfersOfAsync(member.Id));
        Assert.Equal((TransferKind.OfficialIn, "88-GGT/HU", w.CellB1.Id), (transfer.Kind, transfer.LetterNumber!, transfer.ToCellId!.Value));
    }

    [Fact]
    public async Task Guest_IsListedForTheCell_AndHisPeriodCanBeEnded()
    {
        var w = fx.World;
        var client = await fx.ClientForAsync("committeeA");
        var response = await Forms.PostFormAsync(client, $"/Transfers/Guest?cellId={w.CellA1.Id}", new Dictionary<string, string?>
        {
            ["Guest.CellId"] = Id(w.CellA1.Id),
            ["Guest.Name"] = "Vũ Văn Khách",
            ["Guest.CardNumber"] = "KH123456",
            ["Input.Purpose"] = nameof(TemporaryPurpose.Residence),
            ["Input.From"] = Format.Date(Today),
            ["Input.To"] = Format.Date(Today.AddMonths(6)),
            ["Input.LetterNumber"] = "12-GTT",
            ["Input.Organization"] = "Chi bộ Phòng Kế toán, Đảng bộ Công ty Xi măng",
        }, "#form-guest");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var guest = await fx.Factory.WithDbAsync(db => db.Transfers.AsNoTracking().SingleAsync(t => t.GuestName == "Vũ Văn Khách"));
        Assert.Null(guest.MemberId);

        var secretary = await Forms.GetDocumentAsync(await fx.ClientForAsync("secretaryA1"), "/Transfers");
        Assert.Contains("Vũ Văn Khách", secretary.QuerySelector("#guests")!.TextContent, StringComparison.Ordinal);

        var end = await Forms.PostFormAsync(client, $"/Transfers/Details/{guest.Id}", new Dictionary<string, string?> { ["Close.Date"] = Format.Date(Today) }, "#form-end");
        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        Assert.Equal(TransferStatus.Completed, (await fx.Factory.WithDbAsync(db => db.Transfers.AsNoTracking().SingleAsync(t => t.Id == guest.Id))).Status);
    }

    [Fact]
    public async Task Inspector_OpensAndClosesAProceeding_ThenTheTransferIsAllowed()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellB1, 1);
        var inspector = await fx.ClientForAsync("inspector");

        var noReference = await Forms.PostFormAsync(inspector, $"/Transfers/Proceedings/Open?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Kind"] = nameof(ProceedingKind.Complaint),
            ["Input.OpenedOn"] = Format.Date(Today),
            ["Input.Reference"] = "",
        }, "#form-open");
        Assert.Equal(HttpStatusCode.OK, noReference.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(noReference)), e => e.Contains("Phải ghi số, ký hiệu văn bản", StringComparison.Ordinal));

        var opened = await Forms.PostFormAsync(inspector, $"/Transfers/Proceedings/Open?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.Kind"] = nameof(ProceedingKind.Complaint),
            ["Input.OpenedOn"] = Format.Date(Today),
            ["Input.Reference"] = "14-TB/UBKT",
        }, "#form-open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var proceeding = await fx.Factory.WithDbAsync(db => db.MemberProceedings.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        var list = await Forms.GetDocumentAsync(inspector, "/Transfers/Proceedings");
        Assert.NotNull(list.QuerySelector($"#open tr[data-proceeding='{proceeding.Id}']"));

        var dept = await fx.ClientForAsync("dept");
        var refused = await Forms.PostFormAsync(dept, $"/Transfers/Out?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.LetterNumber"] = "30-GT/ĐU",
            ["Input.IssuedOn"] = Format.Date(Today),
            ["Input.Destination"] = "Đảng ủy phường Ba Đình",
        }, "#form-out");
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(refused)), e => e.Contains("14-TB/UBKT", StringComparison.Ordinal));

        var closed = await Forms.PostFormAsync(inspector, $"/Transfers/Proceedings/Close/{proceeding.Id}", new Dictionary<string, string?>
        {
            ["Input.ClosedOn"] = Format.Date(Today),
            ["Input.Conclusion"] = "Nội dung tố cáo không có cơ sở.",
        }, "#form-close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var issued = await Forms.PostFormAsync(dept, $"/Transfers/Out?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.LetterNumber"] = "30-GT/ĐU",
            ["Input.IssuedOn"] = Format.Date(Today),
            ["Input.Destination"] = "Đảng ủy phường Ba Đình",
        }, "#form-out");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal(RollState.TransferredOut, (await MemberAsync(member.Id)).RollState);
    }

    [Fact]
    public async Task RevokingALetter_BringsTheMemberBackOnTheRoll()
    {
        var w = fx.World;
        var member = w.MemberOf(w.CellB1, 2);
        var client = await fx.ClientForAsync("dept");
        await Forms.PostFormAsync(client, $"/Transfers/Out?memberId={member.Id}", new Dictionary<string, string?>
        {
            ["Input.LetterNumber"] = "31-GT/ĐU",
            ["Input.IssuedOn"] = Format.Date(Today),
            ["Input.Destination"] = "Đảng ủy xã Hải Hậu",
        }, "#form-out");
        var transfer = Assert.Single(await TransfersOfAsync(member.Id));

        var noReason = await Forms.PostFormAsync(client, $"/Transfers/Details/{transfer.Id}", new Dictionary<string, string?>
        {
            ["Close.Date"] = Format.Date(Today),
            ["Close.Note"] = "",
        }, "#form-revoke");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains(Forms.Errors(await Forms.ParseAsync(noReason)), e => e.Contains("lý do thu hồi", StringComparison.Ordinal));
        Assert.Equal(RollState.TransferredOut, (await MemberAsync(member.Id)).RollState);

        var revoked = await Forms.PostFormAsync(client, $"/Transfers/Details/{transfer.Id}", new Dictionary<string, string?>
        {
            ["Close.Date"] = Format.Date(Today),
            ["Close.Note"] = "Giấy cấp nhầm nơi đến",
        }, "#form-revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(RollState.Active, (await MemberAsync(member.Id)).RollState);
        Assert.Equal(TransferStatus.Revoked, Assert.Single(await TransfersOfAsync(member.Id)).Status);
    }
}
