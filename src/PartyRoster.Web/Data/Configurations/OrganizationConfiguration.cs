using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyRoster.Domain.Organizations;

namespace PartyRoster.Web.Data.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength).IsRequired();
        builder.Property(o => o.Code).HasMaxLength(Organization.CodeMaxLength);
        builder.Property(o => o.Path).HasMaxLength(Organization.PathMaxLength).IsRequired();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(o => o.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(o => o.Depth);
        builder.Ignore(o => o.IsActive);
        builder.HasIndex(o => o.Path);
        builder.HasIndex(o => o.ParentId);
        builder.HasIndex(o => o.Code).IsUnique();
    }
}

public sealed class OrganizationHistoryEntryConfiguration : IEntityTypeConfiguration<OrganizationHistoryEntry>
{
    public void Configure(EntityTypeBuilder<OrganizationHistoryEntry> builder)
    {
        builder.ToTable("OrganizationHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Before).HasMaxLength(Organization.NameMaxLength);
        builder.Property(h => h.After).HasMaxLength(Organization.NameMaxLength);
        builder.Property(h => h.Note).HasMaxLength(Organization.NoteMaxLength);
        builder.Ignore(h => h.ChangeDisplayName);
    }
}
