namespace PartyRoster.Domain.Organizations;

/// <summary>
/// A party organisation in the tree (domain.md §1). Nothing is ever deleted: dissolution and
/// renaming change the status and append a history entry.
/// </summary>
/// <remarks>
/// <see cref="Path"/> is a materialised path of ids ("/1/12/45/") so that "this organisation and
/// everything under it" is one indexed prefix query, at any depth.
/// </remarks>
public sealed class Organization
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 32;
    public const int PathMaxLength = 400;
    public const int NoteMaxLength = 1000;

    private readonly List<OrganizationHistoryEntry> _history = [];

    private Organization() { Name = ""; Path = ""; }

    public Organization(string name, OrganizationKind kind, Organization? parent, DateOnly establishedOn, string? code = null)
    {
        var error = OrganizationPlacement.Check(kind, parent?.Kind);
        if (error is not null) throw new DomainException(error);
        if (parent is not null && parent.Status != OrganizationStatus.Active)
            throw new DomainException($"Tổ chức cấp trên \"{parent.Name}\" đã ngừng hoạt động.");

        Name = RequireName(name);
        Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        Kind = kind;
        Parent = parent;
        ParentId = parent?.Id;
        Status = OrganizationStatus.Active;
        EstablishedOn = establishedOn;
        Path = "";
        _history.Add(new OrganizationHistoryEntry(OrganizationChange.Created, establishedOn, null, Name));
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string? Code { get; private set; }
    public OrganizationKind Kind { get; private set; }
    public int? ParentId { get; private set; }
    public Organization? Parent { get; private set; }
    /// <summary>"/1/12/45/": ids from the root down to this organisation.</summary>
    public string Path { get; private set; }
    public int Depth => Path.Count(c => c == '/') - 1;
    public OrganizationStatus Status { get; private set; }
    public DateOnly EstablishedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public int? MergedIntoId { get; private set; }
    /// <summary>A đảng bộ cơ sở authorised to admit members (domain.md §1).</summary>
    public bool MayAdmitMembers { get; private set; }
    /// <summary>Optimistic concurrency token: bumped on every save.</summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<OrganizationHistoryEntry> History => _history.AsReadOnly();

    public bool IsActive => Status == OrganizationStatus.Active;

    /// <summary>Sets the materialised path once the id is known (after the first save).</summary>
    public void AssignPath()
    {
        if (Id <= 0) throw new InvalidOperationException("The organisation has no id yet.");
        if (ParentId is not null && Parent is null)
            throw new InvalidOperationException("Load the parent before assigning the path.");
        Path = (Parent?.Path ?? "/") + Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
    }

    public bool IsInSubtreeOf(string ancestorPath) => Path.StartsWith(ancestorPath, StringComparison.Ordinal);

    public void Rename(string newName, DateOnly effectiveOn, string? note = null)
    {
        EnsureActive();
        var name = RequireName(newName);
        if (name == Name) throw new DomainException("Tên mới trùng với tên hiện tại.");
        _history.Add(new OrganizationHistoryEntry(OrganizationChange.Renamed, effectiveOn, Name, name, note));
        Name = name;
    }

    public void ChangeCode(string? code) => Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();

    public void SetMayAdmitMembers(bool value)
    {
        if (value && Kind != OrganizationKind.GrassrootsCommittee)
            throw new DomainException("Chỉ đảng bộ cơ sở mới có thể được ủy quyền kết nạp đảng viên.");
        MayAdmitMembers = value;
    }

    /// <summary>
    /// Moves this organisation (and with it its subtree) under a new parent. The caller passes every
    /// descendant so their paths are rewritten in the same save.
    /// </summary>
    public void MoveTo(Organization newParent, IEnumerable<Organization> descendants, DateOnly effectiveOn, string? note = null)
    {
        EnsureActive();
        if (!newParent.IsActive) throw new DomainException($"Tổ chức \"{newParent.Name}\" đã ngừng hoạt động.");
        if (newParent.Id == ParentId) throw new DomainException("Tổ chức đã trực thuộc tổ chức này.");
        if (newParent.Id == Id || newParent.IsInSubtreeOf(Path))
            throw new DomainException("Không thể chuyển một tổ chức vào chính nó hoặc vào tổ chức cấp dưới của nó.");
        var error = OrganizationPlacement.Check(Kind, newParent.Kind);
        if (error is not null) throw new DomainException(error);

        var oldPath = Path;
        _history.Add(new OrganizationHistoryEntry(OrganizationChange.Moved, effectiveOn, Parent?.Name, newParent.Name, note));
        Parent = newParent;
        ParentId = newParent.Id;
        AssignPath();
        foreach (var d in descendants)
        {
            if (!d.Path.StartsWith(oldPath, StringComparison.Ordinal) || d.Id == Id) continue;
            d.Path = Path + d.Path[oldPath.Length..];
        }
    }

    /// <summary>Dissolves the organisation. Its members and active sub-organisations must be moved first.</summary>
    public void Dissolve(DateOnly on, string reason, int activeChildren, int membersOnRoll)
    {
        EnsureActive();
        if (Kind == OrganizationKind.ManagingCommittee)
            throw new DomainException("Không thể giải thể đảng bộ cấp trên trực tiếp trong hệ thống.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Cần ghi lý do giải thể.");
        if (activeChildren > 0)
            throw new DomainException($"Còn {activeChildren} tổ chức trực thuộc đang hoạt động: hãy chuyển hoặc giải thể trước.");
        if (membersOnRoll > 0)
            throw new DomainException($"Còn {membersOnRoll} đảng viên sinh hoạt tại tổ chức này: hãy chuyển sinh hoạt trước khi giải thể.");
        if (on < EstablishedOn) throw new DomainException("Ngày giải thể không được trước ngày thành lập.");
        Status = OrganizationStatus.Dissolved;
        ClosedOn = on;
        _history.Add(new OrganizationHistoryEntry(OrganizationChange.Dissolved, on, Name, null, reason.Trim()));
    }

    /// <summary>Called by the persistence layer before each save of a changed organisation.</summary>
    public void BumpVersion() => Version++;

    private void EnsureActive()
    {
        if (!IsActive) throw new DomainException($"Tổ chức \"{Name}\" đã {Status.DisplayName().ToLowerInvariant()}, không thể thay đổi.");
    }

    private static string RequireName(string name)
    {
        var n = string.Join(' ', (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (n.Length == 0) throw new DomainException("Tên tổ chức không được để trống.");
        if (n.Length > NameMaxLength) throw new DomainException($"Tên tổ chức dài quá {NameMaxLength} ký tự.");
        return n;
    }
}

public enum OrganizationChange
{
    Created = 1,
    Renamed = 2,
    Moved = 3,
    Dissolved = 4,
}

/// <summary>One change in an organisation's life, kept forever.</summary>
public sealed class OrganizationHistoryEntry
{
    private OrganizationHistoryEntry() { }

    internal OrganizationHistoryEntry(OrganizationChange change, DateOnly effectiveOn, string? before, string? after, string? note = null)
    {
        Change = change;
        EffectiveOn = effectiveOn;
        Before = before;
        After = after;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public OrganizationChange Change { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? Note { get; private set; }

    public string ChangeDisplayName => Change switch
    {
        OrganizationChange.Created => "Thành lập",
        OrganizationChange.Renamed => "Đổi tên",
        OrganizationChange.Moved => "Chuyển trực thuộc",
        OrganizationChange.Dissolved => "Giải thể",
        _ => Change.ToString(),
    };
}
