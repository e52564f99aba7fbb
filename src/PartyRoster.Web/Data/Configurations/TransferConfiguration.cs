using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Transfers;

namespace PartyRoster.Web.Data.Configurations;

public sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.ToTable("Transfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ExternalOrganization).HasMaxLength(Transfer.OrganizationTextMaxLength);
        builder.Property(t => t.LetterNumber).HasMaxLength(Transfer.LetterNumberMaxLength);
        builder.Property(t => t.GuestName).HasMaxLength(VietnameseName.NameMaxLength);
        builder.Property(t => t.GuestCardNumber).HasMaxLength(MemberRules.PartyCardMaxLength);
        builder.Property(t => t.Note).HasMaxLength(Transfer.NoteMaxLength);
        builder.Property(t => t.CompletionNote).HasMaxLength(Transfer.NoteMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.IsAwaitingSlip);
        builder.Ignore(t => t.WasPresentedLate);

        // A member's transfer history (the profile) reads by member; the lists read by cell in scope.
        builder.HasOne(t => t.Member).WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.FromCellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.ToCellId).OnDelete(DeleteBehavior.Restrict);

        // The open lists (letters waiting for their slip, late papers, temporaries) and the yearly evaluation
        // read open transfers of one kind by deadline; the "recently completed" list reads by completion date.
        builder.HasIndex(t => new { t.Status, t.Kind, t.Deadline });
        builder.HasIndex(t => t.CompletedOn);
    }
}
