using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.CellLife;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Web.Data.Seed;

/// <summary>
/// A year of cell meetings with attendance for the demo (issue #4 point 8): every cell's regular meeting of each
/// month of the last twelve (a few cells skip a month, so the calendar shows missed months), a thematic meeting
/// each quarter, and attendance that is mostly present. A few members per hundred cells miss meetings without
/// reason in three or four months of this year, so the "3 months absent" signal shows in the demo, and some in two
/// months (one short of it). Written with <see cref="BulkWriter{T}"/>; deterministic for a seed and a date.
/// </summary>
internal static class DemoMeetings
{
    private static readonly string[] Topics =
    [
        "Học tập, quán triệt nghị quyết của cấp ủy cấp trên",
        "Nâng cao vai trò tiên phong, gương mẫu của đảng viên",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Công tác phát triển đảng viên và xây dựng chi bộ vững mạnh",
    ];

    private static readonly string[] Reasons = ["Đi công tác", "Ốm, có giấy của cơ sở y tế", "Việc gia đình, đã báo chi ủy", "Đi học tập trung"];

    private sealed record Person(int Id, int CellId, DateOnly Since);

    public static async Task<int> SeedAsync(PartyRosterDbContext db, DateOnly today, int seed, CancellationToken ct)
    {
        var rng = new Random(seed + 4);
        var cells = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Cell || o.Kind == OrganizationKind.GrassrootsCell)
            .Where(o => o.Status != OrganizationStatus.Dissolved)
            .OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        var people = await db.Members.AsNoTracking()
            .Where(m => m.RollState == RollState.Active)
            .OrderBy(m => m.Id)
            .Select(m => new Person(m.Id, m.OrganizationId, m.AdmissionCeremonyDate))
            .ToListAsync(ct);
        var byCell = people.GroupBy(p => p.CellId).ToDictionary(g => g.Key, g => g.ToList());

        // Who misses meetings without reason this year: about 2 in 1,000 in three or four months (the signal),
        // as many in two months (one short of it).
        var months = Enumerable.Range(0, 12).Select(i => new DateOnly(today.Year, today.Month, 1).AddMonths(-i)).Reverse().ToList();
        var thisYear = months.Where(m => m.Year == today.Year && m.AddDays(9) <= today).ToList();
        var truants = new Dictionary<int, HashSet<DateOnly>>();
        foreach (var p in people)
        {
            var roll = rng.NextDouble();
            var count = roll < 0.002 ? 3 + rng.Next(2) : roll < 0.004 ? 2 : 0;
            if (count == 0 || thisYear.Count < count) continue;
            truants[p.Id] = [.. thisYear.OrderBy(_ => rng.Next()).Take(count)];
        }

        await using var meetings = BulkWriter<Meeting>.Create(db);
        await using var lines = BulkWriter<Attendance>.Create(db);
        var written = 0;
        foreach (var cellId in cells)
        {
            if (!byCell.TryGetValue(cellId, out var members)) continue;
            var skips = rng.NextDouble() < 0.08 ? months[rng.Next(months.Count - 1)] : (DateOnly?)null;
            foreach (var month in months)
            {
                var regularOn = month.AddDays(2 + rng.Next(10));
                if (regularOn <= today && month != skips)
                {
                    await WriteAsync(new Meeting(cellId, regularOn, MeetingKind.Regular, $"Sinh hoạt thường kỳ tháng {month.Month}/{month.Year}",
                        "Kiểm điểm việc thực hiện nhiệm vụ tháng, triển khai nhiệm vụ tháng tới.", "Chi bộ thống nhất các nhiệm vụ trọng tâm tháng tới.", today));
                }
                var thematicOn = month.AddDays(15 + rng.Next(10));
                if (month.Month % 3 == 0 && thematicOn <= today)
                {
                    await WriteAsync(new Meeting(cellId, thematicOn, MeetingKind.Thematic, Topics[(month.Month / 3 - 1) % Topics.Length],
                        "Chi bộ sinh hoạt chuyên đề theo kế hoạch của cấp ủy.", null, today));
                }
            }

            async Task WriteAsync(Meeting meeting)
            {
                var id = await meetings.InsertAsync(meeting, ct);
                lines.Override(nameof(Attendance.MeetingId), id);
                var month = new DateOnly(meeting.HeldOn.Year, meeting.HeldOn.Month, 1);
                foreach (var p in members.Where(p => p.Since <= meeting.HeldOn))
                {
                    var (status, reason) = truants.TryGetValue(p.Id, out var missed) && missed.Contains(month) && meeting.Kind == MeetingKind.Regular
                        ? (AttendanceStatus.AbsentWithoutReason, (string?)null)
                        : rng.NextDouble() switch
                        {
                            < 0.05 => (AttendanceStatus.AbsentWithReason, Reasons[rng.Next(Reasons.Length)]),
                            < 0.055 when !truants.ContainsKey(p.Id) => (AttendanceStatus.AbsentWithoutReason, null),
                            _ => (AttendanceStatus.Present, null),
                        };
                    meeting.RecordAttendance(p.Id, status, reason);
                }
                foreach (var line in meeting.AttendanceList) await lines.InsertAsync(line, ct);
                written++;
            }
        }
        return written;
    }
}
