using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Screening;

namespace PartyRoster.Web.Data.Configurations;

public sealed class ScreeningCaseConfiguration : IEntityTypeConfiguration<ScreeningCase>
{
    /// <summary>Room for every code of either list, comma-separated ("C1,C3"; all six removal grounds take 109).</summary>
    public const int CodeListMaxLength = 200;

    public void Configure(EntityTypeBuilder<ScreeningCase> builder)
    {
        builder.ToTable("ScreeningCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Evidence).HasMaxLength(ScreeningCase.EvidenceMaxLength);
        builder.Property(c => c.VerificationFindings).HasMaxLength(ScreeningCase.TextMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();

        // The code lists are private List<enum> fields behind read-only views. One text column each, not a
        // primitive collection: Npgsql would make that an array column and the one migration would no longer
        // serve both providers. Field-only properties, named after their column.
        builder.Ignore(c => c.Reasons);
        builder.Ignore(c => c.Grounds);
        builder.Property<List<ReasonCode>>("_reasons").HasColumnName("Reasons")
            .HasConversion(new EnumListConverter<ReasonCode>(), new EnumListComparer<ReasonCode>())
            .HasMaxLength(CodeListMaxLength).IsRequired();
        builder.Property<List<DirectRemovalGround>>("_grounds").HasColumnName("Grounds")
            .HasConversion(new EnumListConverter<DirectRemovalGround>(), new EnumListComparer<DirectRemovalGround>())
            .HasMaxLength(CodeListMaxLength).IsRequired();
        builder.Ignore(c => c.DueOn);

        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.CellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.HelperMemberId).OnDelete(DeleteBehavior.Restrict);

        // The history is part of the aggregate: the domain numbers the next step from it and checks dates
        // against the last one, so a case is never loaded without it (projections are not affected).
        // A case always has its opening step, so the restrict FK also means cases are never deleted.
        builder.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.ScreeningCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Steps).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        // Work lists: open cases by state, a cell's cases, a member's cases, due dates.
        builder.HasIndex(c => c.Status);
        builder.HasIndex(c => new { c.CellId, c.Status });
        builder.HasIndex(c => c.MemberId);
        builder.HasIndex(c => c.HelpEndsOn);
        builder.HasIndex(c => c.AppealAnswerDueOn);
    }
}

public sealed class ScreeningStepConfiguration : IEntityTypeConfiguration<ScreeningStep>
{
    public const string SequenceIndex = "IX_ScreeningSteps_ScreeningCaseId_Sequence";

    public void Configure(EntityTypeBuilder<ScreeningStep> builder)
    {
        builder.ToTable("ScreeningSteps");
        builder.HasKey(s => s.Id);
        // Two saves from one stale read both number their step N+1: this index stops the second even where
        // the provider runs the insert before the case's version check (PartyRosterDbContext reports it as a conflict).
        builder.HasIndex(s => new { s.ScreeningCaseId, s.Sequence }).IsUnique().HasDatabaseName(SequenceIndex);
        builder.Property(s => s.Summary).HasMaxLength(ScreeningStep.SummaryMaxLength);
        builder.Property(s => s.Note).HasMaxLength(StepContext.NoteMaxLength);

        // Value objects as complex properties (columns of this table), not owned entities: the same Actor
        // instance may stand behind many steps, which an owned entity (tracked by identity) refuses.
        builder.ComplexProperty(s => s.Actor, a =>
        {
            a.IsRequired();
            a.Property(x => x.UserId).HasColumnName("ActorUserId").HasMaxLength(Actor.UserIdMaxLength).IsRequired();
            a.Property(x => x.UserName).HasColumnName("ActorUserName").HasMaxLength(Actor.UserNameMaxLength).IsRequired();
            a.Property(x => x.Role).HasColumnName("ActorRole");
            a.Property(x => x.OrganizationId).HasColumnName("ActorOrganizationId");
        });
        builder.ComplexProperty(s => s.Document, d =>
        {
            d.IsRequired(false);
            d.Property(x => x.Kind).HasColumnName("DocumentKind");
            d.Property(x => x.Number).HasColumnName("DocumentNumber").HasMaxLength(DocumentRef.NumberMaxLength);
            d.Property(x => x.Date).HasColumnName("DocumentDate");
            d.Property(x => x.Signer).HasColumnName("DocumentSigner").HasMaxLength(DocumentRef.SignerMaxLength);
        });
        builder.ComplexProperty(s => s.Tally, t =>
        {
            t.IsRequired(false);
            t.Property(x => x.Eligible).HasColumnName("TallyEligible");
            t.Property(x => x.Present).HasColumnName("TallyPresent");
            t.Property(x => x.BallotsCast).HasColumnName("TallyBallotsCast");
            t.Property(x => x.VotesFor).HasColumnName("TallyVotesFor");
            t.Property(x => x.VotesAgainst).HasColumnName("TallyVotesAgainst");
            t.Ignore(x => x.Other);
        });
    }
}

public sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.ToTable("CaseAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(CaseAttachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(CaseAttachment.ContentTypeMaxLength).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(CaseAttachment.Sha256Length).IsRequired();
        builder.Property(a => a.StoredName).HasMaxLength(CaseAttachment.StoredNameMaxLength).IsRequired();
        builder.Property(a => a.UploadedByUserId).HasMaxLength(CaseAttachment.UserIdMaxLength).IsRequired();
        builder.HasOne<ScreeningCase>().WithMany().HasForeignKey(a => a.ScreeningCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.ToTable("Holidays");
        builder.HasKey(h => h.Date);
        builder.Property(h => h.Date).ValueGeneratedNever();
        builder.Property(h => h.Name).HasMaxLength(Holiday.NameMaxLength).IsRequired();
    }
}

/// <summary>A list of enum values as their names, comma-separated ("C1,C3"); the empty list is "".</summary>
public sealed class EnumListConverter<T>() : ValueConverter<List<T>, string>(v => Join(v), v => Split(v))
    where T : struct, Enum
{
    private static string Join(List<T> values) => string.Join(",", values);

    private static List<T> Split(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<T>)];
}

/// <summary>Compares the lists by their elements and snapshots a copy, so an in-place change is detected.</summary>
public sealed class EnumListComparer<T>() : ValueComparer<List<T>>(
    (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
    v => v.Aggregate(17, (h, x) => HashCode.Combine(h, x)),
    v => v.ToList())
    where T : struct, Enum;
