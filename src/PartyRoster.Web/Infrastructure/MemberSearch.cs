using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Members;
using PartyRoster.Web.Data;

namespace PartyRoster.Web.Infrastructure;

/// <summary>
/// The roster search (issue #5): name without diacritics, CCCD, card number, organisation subtree,
/// standing and roll state, in Vietnamese name order, one page at a time. Everything is translated
/// to SQL: at 200,000 members nothing may be filtered in memory.
/// </summary>
public sealed partial class MemberSearch
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary><see cref="RollStateFilter"/> value that lists every roll state.</summary>
    public const string AllStates = "all";

    /// <summary>Name, CCCD or party card number as typed.</summary>
    public string? Text { get; init; }

    /// <summary>Only members of this organisation and its subtree (intersected with the user's scope).</summary>
    public int? OrganizationId { get; init; }

    public Standing? Standing { get; init; }

    /// <summary>Empty: on the roll (<see cref="MemberEnumNames.OnRollStates"/>); "all"; or a <see cref="RollState"/> name.</summary>
    public string? RollStateFilter { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    public sealed record Row(int Id, string FullName, Gender Gender, DateOnly DateOfBirth, Standing Standing,
        RollState RollState, int OrganizationId, string OrganizationName, string? PartyCardNumber);

    public sealed record Result(IReadOnlyList<Row> Rows, int TotalCount, int Page, int PageSize)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
        public bool HasPrevious => Page > 1;
        public bool HasNext => Page < PageCount;
    }

    /// <summary>How the text is read.</summary>
    public enum TextKind
    {
        None,
        CitizenId,
        CardNumber,
        Name,
    }

    public static TextKind Classify(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return TextKind.None;
        if (MemberRules.IsValidCitizenId(t)) return TextKind.CitizenId;
        if (t.Length <= MemberRules.PartyCardMaxLength && CardPattern().IsMatch(t)) return TextKind.CardNumber;
        return VietnameseName.Fold(t).Length == 0 ? TextKind.None : TextKind.Name;
    }

    /// <summary>Runs the search over the members the user may view: one COUNT query and one page query.</summary>
    public async Task<Result> RunAsync(PartyRosterDbContext db, AccessService access, NameTokenStatistics statistics, CancellationToken ct)
    {
        var pageSize = Math.Clamp(PageSize, 1, MaxPageSize);
        if (await FilteredAsync(db, access, statistics, ct) is not { } filtered) return new Result([], 0, 1, pageSize);

        if (Classify(Text) != TextKind.None)
        {
            // A name, CCCD or card number: the matches are usually few. One query returns their ids in
            // order (the count is their number), and only the page's rows are then read in full.
            var ids = await OrderFilteredFirst(filtered).Select(m => m.Id).Take(SortInMemoryBelow + 1).ToListAsync(ct);
            if (ids.Count <= SortInMemoryBelow)
            {
                var count = ids.Count;
                var lastPage = Math.Max(1, (count + pageSize - 1) / pageSize);
                var current = Math.Clamp(Page, 1, lastPage);
                var pageIds = ids.Skip((current - 1) * pageSize).Take(pageSize).ToList();
                var position = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
                var pageRows = pageIds.Count == 0
                    ? []
                    : (await Project(db.Members.Where(m => pageIds.Contains(m.Id))).ToListAsync(ct)).OrderBy(r => position[r.Id]).ToList();
                return new Result(pageRows, count, current, pageSize);
            }
        }

        var total = await filtered.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(Page, 1, pageCount);
        var ordered = total <= SortInMemoryBelow ? OrderFilteredFirst(filtered) : Order(filtered);
        var rows = total == 0
            ? []
            : await Project(ordered).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Result(rows, total, page, pageSize);
    }

    /// <summary>
    /// Every match, on every page, in roster order, with their number: what an export of this search holds. The
    /// query is not run here; the caller streams it.
    /// </summary>
    public async Task<(IQueryable<Member> Members, int Count)> AllAsync(PartyRosterDbContext db, AccessService access,
        NameTokenStatistics statistics, CancellationToken ct)
    {
        if (await FilteredAsync(db, access, statistics, ct) is not { } filtered) return (db.Members.Where(_ => false), 0);
        var count = await filtered.CountAsync(ct);
        return (count <= SortInMemoryBelow ? OrderFilteredFirst(filtered) : Order(filtered), count);
    }

    /// <summary>The members the user may view that match every filter; null when the chosen organisation does not exist.</summary>
    private async Task<IQueryable<Member>?> FilteredAsync(PartyRosterDbContext db, AccessService access, NameTokenStatistics statistics,
        CancellationToken ct)
    {
        string? withinPath = null;
        if (OrganizationId is { } orgId)
        {
            // An unknown organisation yields no rows; one outside the scope yields none either, because the
            // scope and the subtree are intersected.
            withinPath = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (withinPath is null) return null;
        }
        var members = await access.MembersInScopeAsync(Domain.Access.Capability.ViewMembers, withinPath, ct);
        return await ApplyAsync(members, db, ct, statistics, organizationAlreadyApplied: true);
    }

    /// <summary>
    /// The page query alone (filters, order, paging, projection) over <paramref name="members"/>; its
    /// ToQueryString() shows the SQL the search sends.
    /// </summary>
    public async Task<IQueryable<Row>> PageQueryAsync(IQueryable<Member> members, PartyRosterDbContext db, CancellationToken ct)
    {
        var filtered = await ApplyAsync(members, db, ct);
        var pageSize = Math.Clamp(PageSize, 1, MaxPageSize);
        return Project(Order(filtered)).Skip((Math.Max(Page, 1) - 1) * pageSize).Take(pageSize);
    }

    /// <summary>Adds the filters to <paramref name="members"/> (already limited to the user's scope).</summary>
    public async Task<IQueryable<Member>> ApplyAsync(IQueryable<Member> members, PartyRosterDbContext db, CancellationToken ct,
        NameTokenStatistics? statistics = null, bool organizationAlreadyApplied = false)
    {
        if (OrganizationId is { } orgId && !organizationAlreadyApplied)
        {
            // One small lookup for the path; an unknown organisation yields no rows, and one outside the
            // scope yields none either because the scope filter is already on `members`.
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null) return members.Where(_ => false);
            var subtree = db.Organizations.Where(AccessService.InAnyPath([path])).Select(o => o.Id);
            members = members.Where(m => subtree.Contains(m.OrganizationId));
        }

        if (Standing is { } standing) members = members.Where(m => m.Standing == standing);

        var state = RollStateFilter?.Trim();
        if (string.IsNullOrEmpty(state))
        {
            // Written with constants (not a parameter list) so the SQL carries the literal
            // IN ('Active', 'ExemptFromActivities', 'TemporarilyAway') of the partial unique index on
            // CitizenId: SQLite uses a partial index only when the query's WHERE implies its filter.
            members = members.Where(m => m.RollState == RollState.Active
                || m.RollState == RollState.ExemptFromActivities || m.RollState == RollState.TemporarilyAway);
        }
        else if (!string.Equals(state, AllStates, StringComparison.OrdinalIgnoreCase))
        {
            // An unknown state name matches nothing rather than silently widening the list.
            if (!Enum.TryParse<RollState>(state, ignoreCase: true, out var rollState) || !Enum.IsDefined(rollState))
                return members.Where(_ => false);
            members = members.Where(m => m.RollState == rollState);
        }

        var text = Text?.Trim() ?? "";
        switch (Classify(text))
        {
            case TextKind.CitizenId:
                members = members.Where(m => m.CitizenId == text);
                break;
            case TextKind.CardNumber:
                // Cards are stored as typed ("TN000001"); people often type them in lower case. No
                // CitizenId term: a CCCD is exactly 12 digits and took the branch above, and an OR with an
                // unindexed column would turn the unique-index lookup into a scan.
                var upper = text.ToUpperInvariant();
                members = members.Where(m => m.PartyCardNumber == text || m.PartyCardNumber == upper);
                break;
            case TextKind.Name:
                members = ApplyName(members, db, text, statistics is null ? new Dictionary<string, int>() : await statistics.CountsAsync(ct));
                break;
            case TextKind.None:
            default:
                break;
        }

        return members;
    }

    /// <summary>
    /// Every word typed must be one of the member's name words, in any order ("nguyen an" finds
    /// "Nguyễn Văn An"); the last word may be the beginning of one, so results appear while typing.
    /// The whole match is decided inside the token index: the rarest word (by
    /// <see cref="NameTokenStatistics"/>) yields the candidates, each other word is an EXISTS seek on
    /// the token key, and only the final matches are read from the member table. At 200,000 members
    /// "nguyen van an" drives from ~7,000 "an…" tokens and reads ~300 members (ADR-002).
    /// </summary>
    private static IQueryable<Member> ApplyName(IQueryable<Member> members, PartyRosterDbContext db, string text,
        IReadOnlyDictionary<string, int> tokenCounts)
    {
        var words = VietnameseName.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > MemberNameToken.TokenMaxLength ? w[..MemberNameToken.TokenMaxLength] : w)
            .Distinct()
            .ToList();
        var last = words.Count - 1;
        var driver = Enumerable.Range(0, words.Count)
            .OrderBy(i => NameTokenStatistics.Estimate(tokenCounts, words[i], prefix: i == last))
            .ThenByDescending(i => i)
            .First();

        IQueryable<MemberNameToken> candidates;
        var word = words[driver];
        if (driver == last)
        {
            candidates = db.MemberNameTokens.Where(t => t.Token.StartsWith(word));
            if (PrefixUpperBound(word) is { } upper)
            {
                // A range the index can seek on. LIKE 'x%' alone cannot use the token index in SQLite
                // (case-insensitive LIKE against a BINARY index) nor in PostgreSQL under a non-C
                // collation. The range is only added when it is exact in every collation: the prefix is
                // plain lower-case a–z/0–9 and the bound ends in a letter, so primary-level (linguistic)
                // and ordinal orders agree on "starts with the prefix" = "≥ prefix and < bound".
                candidates = candidates.Where(t => t.Token.CompareTo(word) >= 0 && t.Token.CompareTo(upper) < 0);
            }
        }
        else
        {
            candidates = db.MemberNameTokens.Where(t => t.Token == word);
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (i == driver) continue;
            var other = words[i];
            candidates = i == last
                // A member has three or four tokens: the MemberId index finds them, LIKE checks the prefix.
                ? candidates.Where(t => db.MemberNameTokens.Any(o => o.MemberId == t.MemberId && o.Token.StartsWith(other)))
                // An exact word is one seek on the (Token, MemberId) key.
                : candidates.Where(t => db.MemberNameTokens.Any(o => o.Token == other && o.MemberId == t.MemberId));
        }

        var ids = candidates.Select(t => t.MemberId);
        return members.Where(m => ids.Contains(m.Id));
    }

    /// <summary>
    /// The smallest string greater than every string that starts with <paramref name="prefix"/>, built
    /// by incrementing the last letter below 'z' (trailing 'z's and digits are dropped: "anz" → "ao");
    /// null when no safe bound exists.
    /// </summary>
    public static string? PrefixUpperBound(string prefix)
    {
        if (prefix.Length == 0 || !prefix.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9')) return null;
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            var c = prefix[i];
            if (c is >= 'a' and < 'z') return prefix[..i] + (char)(c + 1);
        }
        return null;
    }

    /// <summary>Up to this many matches, the page is sorted after filtering (see <see cref="OrderFilteredFirst"/>).</summary>
    public const int SortInMemoryBelow = 5000;

    private static IOrderedQueryable<Member> Order(IQueryable<Member> members) =>
        members.OrderBy(m => m.SortKey).ThenBy(m => m.Id);

    /// <summary>
    /// The same order, written so that no index can serve it. With ORDER BY SortKey LIMIT 50 SQLite walks
    /// the SortKey index over all 200,000 members and tests each against the filters (measured: ~1 s for
    /// a 600-member đảng bộ); when the count says the matches are few, it is far cheaper to find them
    /// through their own indexes (name tokens, OrganizationId) and sort those few.
    /// </summary>
    private static IOrderedQueryable<Member> OrderFilteredFirst(IQueryable<Member> members) =>
        members.OrderBy(m => m.SortKey + " ").ThenBy(m => m.Id);

    private static IQueryable<Row> Project(IQueryable<Member> members) =>
        members.Select(m => new Row(m.Id, m.FullName, m.Gender, m.DateOfBirth, m.Standing, m.RollState,
            m.OrganizationId, m.Organization!.Name, m.PartyCardNumber));

    // Letters and digits, no spaces, at least one digit: "TN000001", "01234567".
    [GeneratedRegex(@"^(?=.*[0-9])[A-Za-z0-9./-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();
}
