namespace PartyRoster.Domain.Organizations;

/// <summary>
/// Where each kind of organisation may stand in the tree (domain.md §1; Điều lệ Đảng, Điều 21–25).
/// The one place these rules live: the pages, the seed and the tests all ask here.
/// </summary>
public static class OrganizationPlacement
{
    public static IReadOnlyList<OrganizationKind> AllowedParents(OrganizationKind kind) => kind switch
    {
        OrganizationKind.ManagingCommittee => [],
        OrganizationKind.GrassrootsCommittee => [OrganizationKind.ManagingCommittee],
        OrganizationKind.GrassrootsCell => [OrganizationKind.ManagingCommittee],
        OrganizationKind.SubCommittee => [OrganizationKind.GrassrootsCommittee],
        OrganizationKind.Cell => [OrganizationKind.GrassrootsCommittee, OrganizationKind.SubCommittee],
        _ => [],
    };

    /// <summary>Null when the placement is allowed, otherwise the Vietnamese reason it is refused.</summary>
    public static string? Check(OrganizationKind kind, OrganizationKind? parentKind)
    {
        var allowed = AllowedParents(kind);
        if (parentKind is null)
        {
            return allowed.Count == 0
                ? null
                : $"{kind.DisplayName()} phải trực thuộc một {string.Join(" hoặc ", allowed.Select(k => k.DisplayName().ToLowerInvariant()))}.";
        }

        if (allowed.Count == 0)
        {
            return $"{kind.DisplayName()} là cấp cao nhất của hệ thống, không thể trực thuộc tổ chức khác.";
        }

        return allowed.Contains(parentKind.Value)
            ? null
            : $"Không thể đặt {kind.DisplayName().ToLowerInvariant()} trực thuộc {parentKind.Value.DisplayName().ToLowerInvariant()}: "
              + $"{kind.DisplayName().ToLowerInvariant()} chỉ trực thuộc {string.Join(" hoặc ", allowed.Select(k => k.DisplayName().ToLowerInvariant()))}.";
    }
}
