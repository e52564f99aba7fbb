using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyRoster.Domain.Exemptions;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Web.Data.Configurations;

public sealed class ExemptionConfiguration : IEntityTypeConfiguration<Exemption>
{
    public void Configure(EntityTypeBuilder<Exemption> builder)
    {
        builder.ToTable("Exemptions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ResolutionNumber).HasMaxLength(Exemption.ResolutionMaxLength);
        builder.Property(e => e.Note).HasMaxLength(Exemption.NoteMaxLength);
        builder.Property(e => e.ReturnNote).HasMaxLength(Exemption.NoteMaxLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.IsOpen);
        builder.Ignore(e => e.Period);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        // A cell's list of exemptions (current and past) reads by cell.
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.CellId).OnDelete(DeleteBehavior.Restrict);

        // A member's history, in order; and at most one open exemption per member, kept by the database too.
        builder.HasIndex(e => new { e.MemberId, e.StartsOn });
        builder.HasIndex(e => e.MemberId, "IX_Exemptions_MemberId_Open").IsUnique().HasFilter("\"ReturnedOn\" IS NULL");
    }
}
