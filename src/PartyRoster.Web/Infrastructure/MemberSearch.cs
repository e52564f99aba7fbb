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
    public async Task<Result> RunAsync(PartyRosterDbContext db, AccessService access, CancellationToken ct)
    {
        var members = await access.MembersInScopeAsync(Domain.Access.Capability.ViewMembers, ct);
        var filtered = await ApplyAsync(members, db, ct);

        var pageSize = Math.Clamp(PageSize, 1, MaxPageSize);
        var total = await filtered.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(Page, 1, pageCount);
        var rows = total == 0
            ? []
            : await Project(Order(filtered)).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Result(rows, total, page, pageSize);
    }

    /// <summary>The SQL of the page query, for diagnostics and the report.</summary>
    public async Task<string> ToQueryStringAsync(PartyRosterDbContext db, AccessService access, CancellationToken ct)
    {
        var members = await access.MembersInScopeAsync(Domain.Access.Capability.ViewMembers, ct);
        var filtered = await ApplyAsync(members, db, ct);
        var pageSize = Math.Clamp(PageSize, 1, MaxPageSize);
        return Project(Order(filtered)).Skip((Math.Max(Page, 1) - 1) * pageSize).Take(pageSize).ToQueryString();
    }

    /// <summary>Adds the filters to <paramref name="members"/> (already limited to the user's scope).</summary>
    public async Task<IQueryable<Member>> ApplyAsync(IQueryable<Member> members, PartyRosterDbContext db, CancellationToken ct)
    {
        if (OrganizationId is { } orgId)
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
            var onRoll = MemberEnumNames.OnRollStates;
            members = members.Where(m => onRoll.Contains(m.RollState));
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
                // Cards are stored as typed ("TN000001"); people often type them in lower case.
                var upper = text.ToUpperInvariant();
                members = members.Where(m => m.PartyCardNumber == text || m.PartyCardNumber == upper || m.CitizenId == text);
                break;
            case TextKind.Name:
                members = ApplyName(members, db, text);
                break;
            case TextKind.None:
            default:
                break;
        }

        return members;
    }

    /// <summary>
    /// Every complete word must be one of the member's name tokens (an index seek on the token table's
    /// primary key, Token first); the last word may be the beginning of a token, so results appear
    /// while typing. The folded phrase must then occur in SearchName to keep the word order
    /// ("van an" must not find "An Văn ...").
    /// </summary>
    private static IQueryable<Member> ApplyName(IQueryable<Member> members, PartyRosterDbContext db, string text)
    {
        var phrase = VietnameseName.Fold(text);
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > MemberNameToken.TokenMaxLength ? w[..MemberNameToken.TokenMaxLength] : w)
            .ToList();
        for (var i = 0; i < words.Count - 1; i++)
        {
            var word = words[i];
            var ids = db.MemberNameTokens.Where(t => t.Token == word).Select(t => t.MemberId);
            members = members.Where(m => ids.Contains(m.Id));
        }

        var last = words[^1];
        IQueryable<MemberNameToken> lastTokens = db.MemberNameTokens.Where(t => t.Token.StartsWith(last));
        if (PrefixUpperBound(last) is { } upper)
        {
            // A range the index can seek on. LIKE 'x%' alone cannot use the token index in SQLite
            // (case-insensitive LIKE against a BINARY index) nor in PostgreSQL under a non-C
            // collation. The range is only added when it is exact in every collation: the prefix is
            // plain lower-case a–z/0–9 and the bound ends in a letter, so primary-level (linguistic)
            // and ordinal orders agree on "starts with the prefix" = "≥ prefix and < bound".
            lastTokens = lastTokens.Where(t => string.Compare(t.Token, last) >= 0 && string.Compare(t.Token, upper) < 0);
        }
        var lastIds = lastTokens.Select(t => t.MemberId);
        members = members.Where(m => lastIds.Contains(m.Id));

        if (words.Count > 1)
        {
            var joined = string.Join(' ', words);
            members = members.Where(m => m.SearchName.Contains(joined));
        }
        return members;
    }

    /// <summary>
    /// The smallest string greater than every string that starts with <paramref name="prefix"/>, built
    /// by incrementing the last letter below 'z' (trailing 'z's and digits are dropped: "anz" → "ao");
    /// null when no safe bound exists.
    /// </summary>
    internal static string? PrefixUpperBound(string prefix)
    {
        if (prefix.Length == 0 || !prefix.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9')) return null;
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            var c = prefix[i];
            if (c is >= 'a' and < 'z') return prefix[..i] + (char)(c + 1);
        }
        return null;
    }

    private static IOrderedQueryable<Member> Order(IQueryable<Member> members) =>
        members.OrderBy(m => m.SortKey).ThenBy(m => m.Id);

    private static IQueryable<Row> Project(IQueryable<Member> members) =>
        members.Select(m => new Row(m.Id, m.FullName, m.Gender, m.DateOfBirth, m.Standing, m.RollState,
            m.OrganizationId, m.Organization!.Name, m.PartyCardNumber));

    // Letters and digits, no spaces, at least one digit: "TN000001", "01234567".
    [GeneratedRegex(@"^(?=.*[0-9])[A-Za-z0-9./-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();
}
