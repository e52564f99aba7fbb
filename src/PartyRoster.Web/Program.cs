using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using PartyRoster.Web.Data;
using PartyRoster.Web.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
var dataDirectory = Storage.DataDirectory(builder.Configuration, builder.Environment);

// Logging: Serilog from appsettings (console + rolling file). Request lines never carry query strings.
var logger = new LoggerConfiguration()
    .ReadFrom.Configuration(builder.Configuration)
    .WriteTo.File(Path.Combine(dataDirectory, "logs", "partyroster-.log"), rollingInterval: RollingInterval.Day,
        retainedFileCountLimit: 30, formatProvider: CultureInfo.InvariantCulture)
    .CreateLogger();
builder.Logging.ClearProviders().AddSerilog(logger, dispose: true);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<AuditWriter>();
builder.Services.AddScoped<AccessService>();
builder.Services.AddSingleton<NameTokenStatistics>();
builder.Services.AddSingleton<OrganizationDirectory>();
builder.Services.AddSingleton(PartyRoster.Domain.Rules.RuleBook.Default);
builder.Services.AddSingleton(PartyRoster.Domain.Ratings.RatingRuleBook.Default);
builder.Services.AddSingleton<WorkingCalendarService>();
builder.Services.AddScoped<AttachmentStore>();
builder.Services.AddScoped<MemberPhotoStore>();
builder.Services.AddScoped<SignalEvaluation>();
if (builder.Configuration.GetValue("Signals:DailyEvaluation", true)) builder.Services.AddHostedService<SignalSchedule>();
builder.Services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CapabilityHandler>();
builder.Services.AddPartyRosterDatabase(builder.Configuration, dataDirectory);
builder.Services.AddPartyRosterIdentity();
builder.Services.AddPartyRosterServices();

builder.Services.AddDataProtection()
    .SetApplicationName("PartyRoster")
    .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["Storage:KeysDirectory"] is { Length: > 0 } keys
        ? keys : Path.Combine(dataDirectory, "keys")));

builder.Services.AddHealthChecks().AddDbContextCheck<PartyRosterDbContext>("database");
builder.Services.AddAuthorization(o =>
{
    o.AddCapabilityPolicies();
    o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
});
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
    o.Conventions.AllowAnonymousToPage("/Account/Lockout");
    o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
    o.Conventions.AllowAnonymousToPage("/Error");
});
// Vietnamese letters are written as they are, not as &#x1EA3; entities (pages shrink by half or more).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });

var app = builder.Build();

if (await CommandLine.TryRunAsync(app, args)) return;

await Startup.PrepareDatabaseAsync(app);

var vietnamese = new CultureInfo("vi-VN");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(vietnamese),
    SupportedCultures = [vietnamese],
    SupportedUICultures = [vietnamese],
});

if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
    app.UseHttpsRedirection();
}
else if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}

app.UseSecurityHeaders();
app.UseRequestLogging();
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapRazorPages();

await app.RunAsync();
