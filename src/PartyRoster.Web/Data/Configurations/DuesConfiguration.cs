using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyRoster.Domain.Dues;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Web.Data.Configurations;

public sealed class DuesBasisConfiguration : IEntityTypeConfiguration<DuesBasis>
{
    public void Configure(EntityTypeBuilder<DuesBasis> builder)
    {
        builder.ToTable("DuesBases");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Note).HasMaxLength(DuesBasis.NoteMaxLength);
        builder.Property(b => b.Version).IsConcurrencyToken();
        // One entry per member and month; a member's history (and every subtree's, member by member) reads by member.
        builder.HasOne<Member>().WithMany().HasForeignKey(b => b.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.MemberId, b.EffectiveFrom }).IsUnique();
    }
}

public sealed class DuesPaymentConfiguration : IEntityTypeConfiguration<DuesPayment>
{
    public void Configure(EntityTypeBuilder<DuesPayment> builder)
    {
        builder.ToTable("DuesPayments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Note).HasMaxLength(DuesPayment.NoteMaxLength);
        builder.Ignore(p => p.IsLate);
        builder.Ignore(p => p.IsAhead);
        // At most one payment per member and month; arrears and the yearly evaluation read a member's months by range.
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MemberId, p.DuesMonth }).IsUnique();
        // What a cell collected in a month.
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.CellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CellId, p.DuesMonth });
    }
}
