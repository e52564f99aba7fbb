using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyRoster.Domain.Members;

namespace PartyRoster.Web.Data.Configurations;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    /// <summary>Roll states counted as "on the roll" in the partial unique index on CCCD.</summary>
    /// <remarks>Built from <see cref="MemberEnumNames.OnRollStates"/>: renaming a state changes this text, and the
    /// migration drift test then fails until a migration follows.</remarks>
    internal static readonly string OnRollFilter =
        "\"RollState\" IN (" + string.Join(", ", MemberEnumNames.OnRollStates.Select(s => $"'{s}'")) + ")";

    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.FullName).HasMaxLength(VietnameseName.NameMaxLength).IsRequired();
        builder.Property(m => m.BirthName).HasMaxLength(VietnameseName.NameMaxLength);
        builder.Property(m => m.Alias).HasMaxLength(VietnameseName.NameMaxLength);
        builder.Property(m => m.PlaceOfBirth).HasMaxLength(MemberRules.LongTextMaxLength);
        builder.Property(m => m.HomeTown).HasMaxLength(MemberRules.LongTextMaxLength);
        builder.Property(m => m.PermanentResidence).HasMaxLength(MemberRules.LongTextMaxLength);
        builder.Property(m => m.TemporaryResidence).HasMaxLength(MemberRules.LongTextMaxLength);
        builder.Property(m => m.Ethnicity).HasMaxLength(MemberRules.ShortTextMaxLength).IsRequired();
        builder.Property(m => m.Religion).HasMaxLength(MemberRules.ShortTextMaxLength);
        builder.Property(m => m.CitizenId).HasMaxLength(MemberRules.CitizenIdLength);
        builder.Property(m => m.Phone).HasMaxLength(MemberRules.PhoneMaxLength);
        builder.Property(m => m.Occupation).HasMaxLength(MemberRules.ShortTextMaxLength);
        builder.Property(m => m.Workplace).HasMaxLength(MemberRules.LongTextMaxLength);
        builder.Property(m => m.GeneralEducation).HasMaxLength(MemberRules.ShortTextMaxLength);
        builder.Property(m => m.ProfessionalQualification).HasMaxLength(MemberRules.ShortTextMaxLength);
        builder.Property(m => m.ForeignLanguage).HasMaxLength(MemberRules.ShortTextMaxLength);
        builder.Property(m => m.ItSkill).HasMaxLength(MemberRules.ShortTextMaxLength);
        builder.Property(m => m.PhotoFileName).HasMaxLength(Member.PhotoFileNameMaxLength);
        builder.Property(m => m.PartyCardNumber).HasMaxLength(MemberRules.PartyCardMaxLength);
        builder.Property(m => m.LeaveNote).HasMaxLength(MemberRules.NoteMaxLength);
        builder.Property(m => m.SearchName).HasMaxLength(VietnameseName.FoldedMaxLength).IsRequired();
        builder.Property(m => m.SortKey).HasMaxLength(VietnameseName.SortKeyMaxLength).IsRequired();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.IsOnRoll);

        builder.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.NameTokens).WithOne().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.NameTokens).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Roster listing: members of an organisation in Vietnamese name order, filtered by roll state.
        builder.HasIndex(m => new { m.OrganizationId, m.RollState, m.SortKey });
        builder.HasIndex(m => m.SortKey);
        builder.HasIndex(m => m.CitizenId, "IX_Members_CitizenId_OnRoll").IsUnique().HasFilter(OnRollFilter);
        // Searching a CCCD among members who left (any roll state) must not scan the table either.
        builder.HasIndex(m => m.CitizenId, "IX_Members_CitizenId");
        builder.HasIndex(m => m.PartyCardNumber).IsUnique();
    }
}

public sealed class MemberNameTokenConfiguration : IEntityTypeConfiguration<MemberNameToken>
{
    public void Configure(EntityTypeBuilder<MemberNameToken> builder)
    {
        // Token first: a search word finds its members by an index range, never a scan.
        builder.HasKey(t => new { t.Token, t.MemberId });
        builder.Property(t => t.Token).HasMaxLength(MemberNameToken.TokenMaxLength);
        builder.HasIndex(t => t.MemberId);
    }
}
