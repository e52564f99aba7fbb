using System.Reflection;
using PartyRoster.Domain.Audit;

namespace PartyRoster.Domain.Tests.Audit;

public sealed class AuditChainFindFirstBreak
{
    private static readonly DateTime At = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    private static List<AuditEntry> Chain(int count)
    {
        var list = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var e = new AuditEntry(i, At.AddMinutes(i), "u1", "bantochuc@demo.vn", "Member", i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Cập nhật", "{\"FullName\":[\"Nguyễn Văn A\",\"Nguyễn Văn Ân\"]}", previous);
            previous = e.Hash;
            list.Add(e);
        }
        return list;
    }

    private static void Set(AuditEntry entry, string property, object value) =>
        typeof(AuditEntry).GetProperty(property, BindingFlags.Instance | BindingFlags.Public)!.SetValue(entry, value);

    [Fact]
    public void IntactChain_HasNoBreak() =>
        Assert.Null(AuditChain.FindFirstBreak(Chain(5), AuditChain.Genesis, 1));

    [Fact]
    public void EditedContent_IsReportedAtThatEntry()
    {
        var chain = Chain(5);
        Set(chain[2], nameof(AuditEntry.Changes), "{\"FullName\":[\"x\",\"y\"]}");
        Assert.Equal(3, AuditChain.FindFirstBreak(chain, AuditChain.Genesis, 1)!.Sequence);
    }

    [Fact]
    public void DeletedEntry_IsReportedAtTheGap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(3, AuditChain.FindFirstBreak(chain, AuditChain.Genesis, 1)!.Sequence);
    }

    [Fact]
    public void RehashedEditedEntry_IsStillCaughtByTheNextLink()
    {
        var chain = Chain(4);
        Set(chain[1], nameof(AuditEntry.UserName), "ke-gian-lan");
        Set(chain[1], nameof(AuditEntry.Hash), AuditChain.ComputeHash(chain[1]));
        Assert.Equal(3, AuditChain.FindFirstBreak(chain, AuditChain.Genesis, 1)!.Sequence);
    }

    [Fact]
    public void LocalTimes_AreRefused() =>
        Assert.Throws<ArgumentException>(() => new AuditEntry(1, DateTime.SpecifyKind(At, DateTimeKind.Local), null, null, "Member", "1", "Tạo mới", "{}", AuditChain.Genesis));
}
