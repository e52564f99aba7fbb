using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Ratings;

namespace PartyRoster.Web.Data.Configurations;

public sealed class RatingSheetConfiguration : IEntityTypeConfiguration<RatingSheet>
{
    public void Configure(EntityTypeBuilder<RatingSheet> builder)
    {
        builder.ToTable("RatingSheets");
        // One sheet per cell and year: the natural key, so a second "new" sheet for the same year cannot be saved.
        builder.HasKey(s => new { s.CellId, s.Year });
        builder.Property(s => s.Resolution).HasMaxLength(RatingSheet.ResolutionMaxLength);
        builder.Property(s => s.QuotaWarning).HasMaxLength(RatingSheet.QuotaWarningMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.CellId).OnDelete(DeleteBehavior.Restrict);

        // The lines are part of the aggregate (the sheet checks the whole list), so they always come along.
        builder.HasMany(s => s.Ratings).WithOne().HasForeignKey(r => new { r.CellId, r.Year }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Ratings).HasField("_ratings").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

public sealed class AnnualRatingConfiguration : IEntityTypeConfiguration<AnnualRating>
{
    public void Configure(EntityTypeBuilder<AnnualRating> builder)
    {
        builder.ToTable("AnnualRatings");
        // One rating per member per year, whichever cell gave it; the key also serves the profile's history.
        builder.HasKey(r => new { r.MemberId, r.Year });
        builder.Property(r => r.LoweringReason).HasMaxLength(AnnualRating.TextMaxLength);
        builder.Property(r => r.Note).HasMaxLength(AnnualRating.TextMaxLength);
        builder.Ignore(r => r.IsLowered);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        // The yearly evaluation reads members by level over consecutive years ("two years not completed").
        builder.HasIndex(r => new { r.Year, r.Level });
    }
}
