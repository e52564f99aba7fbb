using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyRoster.Domain.CellLife;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Web.Data.Configurations;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Topic).HasMaxLength(Meeting.TopicMaxLength);
        builder.Property(m => m.MinutesSummary).HasMaxLength(Meeting.TextMaxLength);
        builder.Property(m => m.Resolutions).HasMaxLength(Meeting.TextMaxLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.CellId).OnDelete(DeleteBehavior.Restrict);

        // Attendance is part of the aggregate (the domain checks the whole list), so it always comes along.
        builder.HasMany(m => m.AttendanceList).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.AttendanceList).HasField("_attendance").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        // A cell's calendar and the one-regular-meeting-per-month check read by cell and date.
        builder.HasIndex(m => new { m.CellId, m.HeldOn });
    }
}

public sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.ToTable("MeetingAttendance");
        builder.HasKey(a => new { a.MeetingId, a.MemberId });
        builder.Property(a => a.Reason).HasMaxLength(Attendance.ReasonMaxLength);
        // Member absences over a year (the "3 months absent without reason" signal) read by member.
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
