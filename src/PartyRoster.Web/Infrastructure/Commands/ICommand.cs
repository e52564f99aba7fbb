namespace PartyRoster.Web.Infrastructure.Commands;

/// <summary>An operator command (see <see cref="CommandLine"/>). Returns the process exit code.</summary>
public interface ICommand
{
    string Name { get; }

    Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options);
}
