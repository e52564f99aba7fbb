using PartyRoster.Web.Tests.Infrastructure;

namespace PartyRoster.Web.Tests.Reports;

/// <summary>Reports and registers exported to .xlsx, re-opened with the Open XML SDK and checked cell by cell.</summary>
public sealed class ExportTests(ReportWorldFixture fx) : IClassFixture<ReportWorldFixture>
{
    [Fact]
    public async Task RemovalsReport_Exports_OneSheetPerTable_WithVietnameseHeaders_AndNumbersAsNumbers()
    {
        var client = await fx.World.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, "/Reports/removals?FromYear=2021&ToYear=2023");
        var link = page.QuerySelector("#report-actions a[data-export]")!.GetAttribute("href")!;
        Assert.StartsWith("/Reports/removals?", link, StringComparison.Ordinal);
        Assert.Contains("FromYear=2021", link, StringComparison.Ordinal);
        Assert.Contains("handler=Xlsx", link, StringComparison.Ordinal);

        using var response = await client.GetAsync(link);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var sheets = Workbooks.Sheets(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Theo năm", "Theo tổ chức"], sheets.Keys);

        var byYear = sheets["Theo năm"];
        Assert.Equal(["Năm", "Tổng số đưa ra khỏi Đảng", "Xóa tên do vi phạm Điều lệ Đảng", "Xóa tên do vi phạm quy định chuyển sinh hoạt đảng", "Khai trừ", "Xin ra khỏi Đảng"],
            byYear[0].Select(c => c.Text));
        // 2022: 2 removed, 1 for a transfer violation, 1 expelled.
        Assert.Equal(("2022", false), byYear[2][0]);
        Assert.Equal([("2", true), ("0", true), ("1", true), ("1", true), ("0", true)], byYear[2].Skip(1));
        Assert.Equal(("Tổng cộng", false), byYear[4][0]);
        Assert.Equal([("5", true), ("2", true), ("1", true), ("1", true), ("1", true)], byYear[4].Skip(1));
        Assert.Contains(byYear.Skip(5).Select(r => r.FirstOrDefault().Text), t => t?.StartsWith("Trong đó 2 đảng viên", StringComparison.Ordinal) == true);

        var byUnit = sheets["Theo tổ chức"];
        var committeeA = Assert.Single(byUnit, r => r.FirstOrDefault().Text == fx.W.CommitteeA.Name);
        Assert.Equal(("3", true), committeeA[1]);
    }

    [Fact]
    public async Task LeftRegister_Exports_TheFilteredMembers()
    {
        var client = await fx.World.ClientForAsync("dept");
        var page = await Forms.GetDocumentAsync(client, "/Registers/Left?FromYear=2021&ToYear=2023&Reason=TransferViolation");
        var link = page.QuerySelector("a[data-export]")!.GetAttribute("href")!;
        using var response = await client.GetAsync(link);
        var rows = Assert.Single(Workbooks.Sheets(await response.Content.ReadAsByteArrayAsync())).Value;
        Assert.Equal(["STT", "Lý do", "Họ và tên", "Ngày sinh", "Chi bộ", "Ngày ra khỏi danh sách", "Ghi chú"], rows[0].Select(c => c.Text));
        Assert.Equal(2, rows.Count);
        var member = fx.W.MemberOf(fx.W.CellA1, 0);
        Assert.Equal(("1", true), rows[1][0]);
        Assert.Equal((member.FullName, false), rows[1][2]);
        // Dates are real Excel dates: 10/06/2022 is day 44722.
        Assert.Equal(("44722", true), rows[1][5]);
    }

    [Fact]
    public async Task Export_KeepsToTheUsersScope()
    {
        var client = await fx.World.ClientForAsync("committeeA");
        var response = await client.GetAsync($"/Reports/removals?handler=Xlsx&OrganizationId={fx.W.CommitteeB.Id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var secretary = await fx.World.ClientForAsync("secretaryA1");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await secretary.GetAsync("/Reports/removals?handler=Xlsx")).StatusCode);
    }
}
