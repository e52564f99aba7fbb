using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;

namespace PartyRoster.Web.Data.Configurations;

public sealed class MemberProceedingConfiguration : IEntityTypeConfiguration<MemberProceeding>
{
    public void Configure(EntityTypeBuilder<MemberProceeding> builder)
    {
        builder.ToTable("MemberProceedings");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Reference).HasMaxLength(MemberProceeding.ReferenceMaxLength);
        builder.Property(p => p.Summary).HasMaxLength(MemberProceeding.TextMaxLength);
        builder.Property(p => p.ClosingNote).HasMaxLength(MemberProceeding.TextMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsOpen);
        // "Is anything open about this member?" reads by member.
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
