using System.Globalization;
using PartyRoster.Domain.Members;

namespace PartyRoster.Web.Data.Seed;

/// <summary>
/// Generates realistic member records for one cell at a time, deterministically from the caller's
/// <see cref="Random"/>. Every record goes through the <see cref="Member"/> constructor, so the
/// domain's rules (admission dates, CCCD format, placement in a cell) hold for the demo data too.
/// </summary>
internal sealed class DemoMembers(Random rng, DateOnly today)
{
    /// <summary>Names placed on purpose so demos of diacritic-free search are obvious ("nguyen van an").</summary>
    private static readonly Dictionary<(string Code, int Index), (string Name, Gender Gender)> Featured = new()
    {
        [("DB.26", 0)] = ("Nguyễn Văn An", Gender.Male),
        [("DB.26", 1)] = ("Đặng Thị Hoa", Gender.Female),
        [("DB.01.01", 0)] = ("Nguyễn Văn An", Gender.Male),
        [("DB.03.01", 2)] = ("Nguyễn Văn An", Gender.Male),
        [("DB.40", 3)] = ("Nguyễn Văn An", Gender.Male),
        [("DB.09.02", 1)] = ("Đặng Thị Hoa", Gender.Female),
    };

    private readonly HashSet<string> _citizenIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _partyCards = new(StringComparer.Ordinal);
    private int _decisionNumber = 100;

    public Member Create(PlannedOrganization cell, int index)
    {
        var organization = cell.Entity ?? throw new InvalidOperationException("Save the organisation first.");
        var featured = Featured.GetValueOrDefault((cell.Code, index));
        var gender = featured.Name is not null ? featured.Gender : GenderFor(cell.Unit);
        var birthYear = BirthYear(cell.Unit);
        var birth = new DateOnly(birthYear, 1, 1).AddDays(rng.Next(DateTime.IsLeapYear(birthYear) ? 366 : 365));
        var fullName = featured.Name ?? DemoNames.Next(rng, gender, birthYear);
        var age = MemberRules.AgeOn(birth, today);
        var (province, provinceCode) = DemoNames.Provinces.Pick(rng);
        var commune = DemoNames.Communes[rng.Next(DemoNames.Communes.Length)];
        var homeTown = $"xã {commune}, tỉnh {province}";
        var old = birthYear < 1965;

        var profile = new MemberProfile
        {
            FullName = fullName,
            Gender = gender,
            DateOfBirth = birth,
            PlaceOfBirth = rng.NextDouble() < 0.7 ? homeTown : $"tỉnh {province}",
            HomeTown = homeTown,
            PermanentResidence = Residence(cell),
            TemporaryResidence = rng.NextDouble() < 0.04 ? $"Tổ dân phố {rng.Next(1, 31)}, phường Tân Hòa, tỉnh {DemoPlan.ProvinceName}" : null,
            Ethnicity = DemoNames.Ethnicities.Pick(rng),
            Religion = DemoNames.Religions.Pick(rng),
            CitizenId = CitizenId(provinceCode, gender, birthYear),
            Phone = old && rng.NextDouble() < 0.15 ? null : "09" + rng.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
            Occupation = Occupation(cell.Unit, age),
            Workplace = Workplace(cell, age),
            GeneralEducation = GeneralEducation(birthYear),
            ProfessionalQualification = Qualification(cell.Unit),
            ForeignLanguage = NullIfEmpty(DemoNames.ForeignLanguages.Pick(rng)),
            ItSkill = old && rng.NextDouble() < 0.6 ? null : NullIfEmpty(DemoNames.ItSkills.Pick(rng)),
        };

        var admission = Admission(birth);
        var theory = Theory(cell.Unit, admission.OfficialDate is null);
        var member = new Member(profile with { PoliticalTheory = theory }, admission, organization);
        ApplyRollState(member, admission, age);
        return member;
    }

    private Gender GenderFor(UnitKind unit)
    {
        var femaleShare = unit switch
        {
            UnitKind.School => 0.68,
            UnitKind.Hospital => 0.6,
            UnitKind.Police => 0.12,
            UnitKind.Military => 0.06,
            UnitKind.Residential => 0.4,
            _ => 0.38,
        };
        return rng.NextDouble() < femaleShare ? Gender.Female : Gender.Male;
    }

    // Residential cells are mostly retired members; workplaces are of working age (before 62).
    private int BirthYear(UnitKind unit) => unit switch
    {
        UnitKind.Residential => rng.NextDouble() switch
        {
            < 0.62 => 1940 + (int)(23 * Math.Sqrt(rng.NextDouble())),
            < 0.92 => rng.Next(1963, 1986),
            _ => rng.Next(1986, 2005),
        },
        UnitKind.Military or UnitKind.Police => rng.Next(1972, 2004),
        _ => (int)Math.Round(1965 + (2003 - 1965) * Beta(2.2, 2.4)),
    };

    // A (2, 2)-shaped beta draw from two gamma-free uniforms: good enough for an age profile.
    private double Beta(double a, double b)
    {
        var x = Math.Pow(rng.NextDouble(), 1 / a);
        var y = Math.Pow(rng.NextDouble(), 1 / b);
        return x + y <= 1 ? x / (x + y) : Beta(a, b);
    }

    private string Residence(PlannedOrganization cell)
    {
        if (cell.Neighbourhood is { } hood)
            return $"Tổ dân phố {hood}, phường {DemoPlan.WardName}, tỉnh {DemoPlan.ProvinceName}";
        return $"Tổ dân phố {rng.Next(1, 29)}, phường {DemoNames.Wards.Pick(rng)}, tỉnh {DemoPlan.ProvinceName}";
    }

    /// <summary>CCCD: province code (3) + gender/century (1) + birth year (2) + random (6), unique.</summary>
    private string CitizenId(string provinceCode, Gender gender, int birthYear)
    {
        var centuryDigit = (birthYear >= 2000 ? 2 : 0) + (gender == Gender.Female ? 1 : 0);
        var prefix = provinceCode + centuryDigit.ToString(CultureInfo.InvariantCulture)
            + (birthYear % 100).ToString("D2", CultureInfo.InvariantCulture);
        while (true)
        {
            var id = prefix + rng.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            if (_citizenIds.Add(id)) return id;
        }
    }

    private string? Occupation(UnitKind unit, int age) => unit switch
    {
        UnitKind.School => Pick(("Giáo viên", 80), ("Cán bộ quản lý giáo dục", 8), ("Nhân viên văn phòng", 8), ("Kế toán", 4)),
        UnitKind.Hospital => Pick(("Bác sĩ", 35), ("Điều dưỡng", 35), ("Dược sĩ", 8), ("Kỹ thuật viên y tế", 12), ("Nhân viên hành chính", 10)),
        UnitKind.Company => Pick(("Kỹ sư", 25), ("Công nhân", 35), ("Nhân viên", 20), ("Kế toán", 8), ("Cán bộ quản lý", 12)),
        UnitKind.Police => "Cán bộ Công an",
        UnitKind.Military => Pick(("Cán bộ Ban Chỉ huy Quân sự", 30), ("Dân quân tự vệ", 70)),
        UnitKind.Government => Pick(("Công chức", 60), ("Viên chức", 30), ("Người lao động", 10)),
        _ => age >= 60
            ? Pick(("Hưu trí", 85), ("Cựu chiến binh", 15))
            : Pick(("Kinh doanh", 35), ("Lao động tự do", 25), ("Công nhân", 15), ("Viên chức", 15), ("Nông dân", 10)),
    };

    private static string? Workplace(PlannedOrganization cell, int age) => cell.Unit switch
    {
        UnitKind.Police => $"Công an phường {DemoPlan.WardName}",
        UnitKind.Military => $"Ban Chỉ huy Quân sự phường {DemoPlan.WardName}",
        UnitKind.Government when cell.Workplace?.StartsWith("Khối", StringComparison.Ordinal) == true
            => $"Ủy ban nhân dân phường {DemoPlan.WardName}",
        UnitKind.Residential => age >= 60 ? "Nghỉ hưu" : null,
        _ => cell.Workplace,
    };

    private string GeneralEducation(int birthYear) => birthYear < 1965
        ? Pick(("10/10", 55), ("12/12", 30), ("9/12", 10), ("7/10", 5))
        : Pick(("12/12", 97), ("9/12", 3));

    private string? Qualification(UnitKind unit) => NullIfEmpty(unit switch
    {
        UnitKind.School => Pick(("Đại học", 70), ("Thạc sĩ", 22), ("Cao đẳng", 6), ("Tiến sĩ", 2)),
        UnitKind.Hospital => Pick(("Đại học", 45), ("Thạc sĩ", 15), ("Tiến sĩ", 3), ("Cao đẳng", 20), ("Trung cấp", 17)),
        UnitKind.Company => Pick(("Đại học", 45), ("Cao đẳng", 15), ("Trung cấp", 20), ("", 15), ("Thạc sĩ", 5)),
        UnitKind.Police or UnitKind.Military => Pick(("Đại học", 50), ("Trung cấp", 35), ("Cao đẳng", 10), ("Thạc sĩ", 5)),
        UnitKind.Government => Pick(("Đại học", 70), ("Thạc sĩ", 25), ("Cao đẳng", 5)),
        _ => Pick(("", 35), ("Trung cấp", 25), ("Cao đẳng", 10), ("Đại học", 28), ("Thạc sĩ", 2)),
    });

    private PoliticalTheoryLevel Theory(UnitKind unit, bool probationary)
    {
        if (probationary) return rng.NextDouble() < 0.6 ? PoliticalTheoryLevel.None : PoliticalTheoryLevel.Elementary;
        var x = rng.Next(100);
        return unit is UnitKind.Government or UnitKind.Police or UnitKind.Military
            ? x switch { < 35 => PoliticalTheoryLevel.Elementary, < 80 => PoliticalTheoryLevel.Intermediate, < 92 => PoliticalTheoryLevel.Advanced, < 97 => PoliticalTheoryLevel.Bachelor, _ => PoliticalTheoryLevel.None }
            : x switch { < 72 => PoliticalTheoryLevel.Elementary, < 90 => PoliticalTheoryLevel.Intermediate, < 94 => PoliticalTheoryLevel.Advanced, < 95 => PoliticalTheoryLevel.Bachelor, _ => PoliticalTheoryLevel.None };
    }

    /// <summary>
    /// Decision at age 18–45 (mostly young), ceremony 5–25 days later, official 12 months + 0–40 days
    /// after the ceremony. About 2.5 % were admitted within the last year and are still probationary.
    /// </summary>
    private MemberAdmission Admission(DateOnly birth)
    {
        var earliest = birth.AddYears(MemberRules.MinimumAdmissionAge);
        var latestSettled = today.AddMonths(-13);
        var latestAny = today.AddDays(-30);
        DateOnly decision;
        var ageToday = MemberRules.AgeOn(birth, today);
        if (ageToday is >= 19 and <= 45 && rng.NextDouble() < 0.025 && earliest <= latestAny)
        {
            decision = DemoPlan.RandomDate(rng, Max(earliest, today.AddDays(-360)), latestAny);
        }
        else
        {
            var ageAtAdmission = MemberRules.MinimumAdmissionAge + (int)(28 * Math.Pow(rng.NextDouble(), 1.8));
            decision = birth.AddYears(ageAtAdmission).AddDays(rng.Next(365));
            if (decision > latestSettled)
                decision = earliest <= latestSettled ? DemoPlan.RandomDate(rng, earliest, latestSettled) : DemoPlan.RandomDate(rng, earliest, Max(earliest, latestAny));
        }

        var ceremony = decision.AddDays(rng.Next(5, 26));
        if (ceremony > today) ceremony = today < decision ? decision : today;
        DateOnly? official = null;
        var due = MemberRules.EarliestOfficialDate(ceremony);
        if (due <= today)
        {
            var o = due.AddDays(rng.Next(0, 41));
            official = o > today ? today : o;
        }

        return new MemberAdmission
        {
            AdmissionDecisionDate = decision,
            AdmissionCeremonyDate = ceremony,
            OfficialDate = official,
            PartyCardNumber = official is null ? null : PartyCard(),
        };
    }

    private string PartyCard()
    {
        while (true)
        {
            var card = rng.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
            if (_partyCards.Add(card)) return card;
        }
    }

    /// <summary>About 2 % have left (death, transfer, removal, withdrawal, expulsion); about 1 % are exempt (mostly the elderly), 0.5 % away.</summary>
    private void ApplyRollState(Member member, MemberAdmission admission, int age)
    {
        var x = rng.NextDouble();
        var since = Max(admission.AdmissionCeremonyDate.AddDays(1), today.AddYears(-4));
        if (since > today) since = today;
        var on = DemoPlan.RandomDate(rng, since, today);
        var official = member.Standing == Standing.Official;
        var deathShare = age >= 70 ? 0.05 : 0.006;
        if (x < deathShare)
        {
            member.RecordDeath(on, "Từ trần do bệnh nặng");
        }
        else if (x < deathShare + 0.008)
        {
            member.Leave(RollState.TransferredOut, on, "Chuyển sinh hoạt đảng chính thức ra ngoài Đảng bộ");
        }
        else if (x < deathShare + 0.011)
        {
            member.Leave(RollState.RemovedFromRoll, on, $"Xóa tên theo Quyết định số {++_decisionNumber}-QĐ/ĐU: bỏ sinh hoạt đảng 3 tháng trong năm");
        }
        else if (x < deathShare + 0.012)
        {
            member.Leave(RollState.Withdrew, on, "Tự nguyện xin ra khỏi Đảng");
        }
        else if (x < deathShare + 0.0125)
        {
            if (official) member.Leave(RollState.Expelled, on, $"Khai trừ theo Quyết định số {++_decisionNumber}-QĐ/ĐU");
            else member.Leave(RollState.RemovedFromRoll, on, "Xóa tên: không đủ tư cách đảng viên trong thời gian dự bị");
        }
        else if (rng.NextDouble() < (age >= 70 ? 0.25 : 0.008))
        {
            member.SetRollStateOnRoll(RollState.ExemptFromActivities);
        }
        else if (age < 60 && rng.NextDouble() < 0.005)
        {
            member.SetRollStateOnRoll(RollState.TemporarilyAway);
        }
    }

    private string Pick(params (string Value, int Weight)[] options)
    {
        var total = 0;
        foreach (var o in options) total += o.Weight;
        var x = rng.Next(total);
        foreach (var (value, weight) in options)
        {
            if (x < weight) return value;
            x -= weight;
        }
        return options[^1].Value;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
