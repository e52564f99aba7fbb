namespace PartyRoster.Domain;

/// <summary>
/// The one exception type the domain throws when a rule refuses an action. Its message is
/// shown to the user as it is, so it is written in Vietnamese.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    public DomainException() { }
}
