using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PartyRoster.Domain.Audit;
using PartyRoster.Domain.Members;
using PartyRoster.Domain.Organizations;
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
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Entity is AuditEntry)
                throw new InvalidOperationException("The audit trail is append-only.");
            if (entry.State == EntityState.Modified)
            {
                switch (entry.Entity)
                {
                    case Member m: m.BumpVersion(); break;
                    case Organization o: o.BumpVersion(); break;
                }
            }
        }

        if (SuppressAudit || auditWriter is null)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        return await auditWriter.SaveWithAuditAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
    }
}
