using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Audit;
using PartyRoster.Domain.CellLife;
using PartyRoster.Domain.Exemptions;
using PartyRoster.Domain.Inspection;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
using PartyRoster.Domain.Ratings;
using PartyRoster.Domain.Screening;
using PartyRoster.Domain.Signals;
using PartyRoster.Web.Infrastructure;

namespace PartyRoster.Web.Data;

/// <summary>
/// The one DbContext. Every save bumps concurrency versions and appends the audit entries for the
/// changes it carries, in the same transaction (see <see cref="AuditWriter"/>).
/// </summary>
public sealed class PartyRosterDbContext(DbContextOptions<PartyRosterDbContext> options, AuditWriter? auditWriter = null)
    : IdentityUserContext<AppUser>(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationHistoryEntry> OrganizationHistory => Set<OrganizationHistoryEntry>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberNameToken> MemberNameTokens => Set<MemberNameToken>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ScreeningCase> ScreeningCases => Set<ScreeningCase>();
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MemberProceeding> MemberProceedings => Set<MemberProceeding>();
    public DbSet<Signal> Signals => Set<Signal>();
    public DbSet<SignalRun> SignalRuns => Set<SignalRun>();
    public DbSet<RatingSheet> RatingSheets => Set<RatingSheet>();
    public DbSet<AnnualRating> AnnualRatings => Set<AnnualRating>();
    public DbSet<Exemption> Exemptions => Set<Exemption>();

    /// <summary>Set by bulk loaders (the demo seed, the benchmark) that write their own single audit entry.</summary>
    public bool SuppressAudit { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PartyRosterDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names (readable in SQL, stable when values are reordered).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: the audit trail is written asynchronously.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Entity is AuditEntry)
                throw new InvalidOperationException("The audit trail is append-only.");
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Entity is ScreeningStep)
                throw new InvalidOperationException("A screening case's history is append-only.");
            if (entry.State == EntityState.Modified)
            {
                BumpVersion(entry.Entity);
            }
            else if (entry.State == EntityState.Unchanged && LinesOf(entry.Entity) is { } lines
                     && lines.Any(l => Entry(l).State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                // A correction of the lines alone (attendance, scores) still changes the aggregate: two such saves
                // from one read must conflict.
                BumpVersion(entry.Entity);
                entry.Property("Version").IsModified = true;
            }
            else if (entry.State == EntityState.Unchanged && entry.Entity is ScreeningCase c
                     && c.Steps.Any(s => Entry(s).State == EntityState.Added))
            {
                // A step that leaves the case's own columns as they were (a progress note) still moves the
                // case: bump its version so two such saves from one read conflict instead of both landing.
                c.BumpVersion();
                entry.Property(nameof(ScreeningCase.Version)).IsModified = true;
            }
        }

        var organizationsChanged = ChangeTracker.Entries<Organization>().Any(e => e.State != EntityState.Unchanged);
        try
        {
            var result = SuppressAudit || auditWriter is null
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
                : await auditWriter.SaveWithAuditAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
            if (organizationsChanged) OrganizationDirectory.MarkChanged();
            return result;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && IsStepSequenceClash(ex))
        {
            // PostgreSQL runs the batch's step insert before EF checks the case's version, so a stale second
            // step surfaces as a clash on the step number: it is the same conflict, so report it as one.
            throw new DbUpdateConcurrencyException("The screening case was changed by someone else since it was read.", ex);
        }
    }

    /// <summary>Every edited aggregate's concurrency token moves on with each save that changes it.</summary>
    private static void BumpVersion(object entity)
    {
        switch (entity)
        {
            case Member m: m.BumpVersion(); break;
            case Organization o: o.BumpVersion(); break;
            case ScreeningCase c: c.BumpVersion(); break;
            case Meeting mt: mt.BumpVersion(); break;
            case MemberProceeding p: p.BumpVersion(); break;
            case RatingSheet rs: rs.BumpVersion(); break;
            case Exemption ex: ex.BumpVersion(); break;
            case Signal sg: sg.BumpVersion(); break;
        }
    }

    /// <summary>The line items of aggregates whose lines are edited in place (a meeting's attendance, a sheet's ratings).</summary>
    private static IEnumerable<object>? LinesOf(object entity) => entity switch
    {
        Meeting meeting => meeting.AttendanceList,
        RatingSheet sheet => sheet.Ratings,
        _ => null,
    };

    private static bool IsStepSequenceClash(DbUpdateException ex) => ex.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation
            && pg.ConstraintName == Configurations.ScreeningStepConfiguration.SequenceIndex,
        // SQLite names the columns, not the index: "UNIQUE constraint failed: ScreeningSteps.ScreeningCaseId, ScreeningSteps.Sequence".
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19
            && sqlite.Message.Contains("ScreeningSteps.Sequence", StringComparison.Ordinal),
        _ => false,
    };
}
