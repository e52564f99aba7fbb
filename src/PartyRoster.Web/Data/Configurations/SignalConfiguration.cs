using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Screening;
using PartyRoster.Domain.Signals;

namespace PartyRoster.Web.Data.Configurations;

public sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> builder)
    {
        builder.ToTable("Signals");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.PeriodKey).HasMaxLength(Signal.PeriodKeyMaxLength);
        builder.Property(s => s.Evidence).HasMaxLength(Signal.EvidenceMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsOpen);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.CellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ScreeningCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        // Re-evaluation finds the same signal by what it is about; the cell's list reads by cell.
        builder.HasIndex(s => new { s.MemberId, s.Kind, s.PeriodKey }).IsUnique();
        builder.HasIndex(s => new { s.CellId, s.ResolvedOn });
    }
}

public sealed class SignalRunConfiguration : IEntityTypeConfiguration<SignalRun>
{
    public void Configure(EntityTypeBuilder<SignalRun> builder)
    {
        builder.ToTable("SignalRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.Scope).HasMaxLength(SignalRun.ScopeMaxLength);
    }
}
