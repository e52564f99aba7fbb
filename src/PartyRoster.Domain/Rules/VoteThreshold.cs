namespace PartyRoster.Domain.Rules;

/// <summary>
/// A vote threshold as an exact fraction of a basis: "≥ 2/3" (inclusive) or "> 1/2" (strict).
/// All comparisons are integer cross-multiplications, so 2/3 of 10 needs 7 votes, never 6.67 rounded down.
/// </summary>
public sealed record VoteThreshold
{
    /// <summary>"Ít nhất hai phần ba" — ballots of cells and committees on screening, forwarding, expulsion.</summary>
    public static readonly VoteThreshold AtLeastTwoThirds = new(2, 3, inclusive: true);

    /// <summary>"Quá một nửa" — decisions of the standing committee.</summary>
    public static readonly VoteThreshold MoreThanHalf = new(1, 2, inclusive: false);

    public VoteThreshold(int numerator, int denominator, bool inclusive)
    {
        if (denominator <= 0) throw new DomainException("Mẫu số của tỷ lệ biểu quyết phải lớn hơn 0.");
        if (numerator <= 0 || numerator > denominator) throw new DomainException("Tỷ lệ biểu quyết phải lớn hơn 0 và không vượt quá 1.");
        Numerator = numerator;
        Denominator = denominator;
        Inclusive = inclusive;
    }

    public int Numerator { get; }
    public int Denominator { get; }

    /// <summary>True for "≥" (at least), false for "&gt;" (more than).</summary>
    public bool Inclusive { get; }

    /// <summary>Whether <paramref name="votes"/> reach the threshold of <paramref name="basis"/> (e.g. official, non-exempt members).</summary>
    public bool IsMet(int votes, int basis)
    {
        if (votes < 0 || basis < 0) throw new DomainException("Số phiếu và số đảng viên không được âm.");
        long lhs = (long)votes * Denominator;
        long rhs = (long)Numerator * basis;
        return Inclusive ? lhs >= rhs : lhs > rhs;
    }

    /// <summary>The fewest votes that meet the threshold for <paramref name="basis"/>: ≥ 2/3 of 10 → 7; &gt; 1/2 of 10 → 6.</summary>
    public int MinimumVotes(int basis)
    {
        if (basis < 0) throw new DomainException("Số đảng viên không được âm.");
        long product = (long)Numerator * basis;
        return Inclusive
            ? (int)((product + Denominator - 1) / Denominator)
            : (int)(product / Denominator) + 1;
    }

    /// <summary>"≥ 2/3" or "&gt; 1/2".</summary>
    public override string ToString() => $"{(Inclusive ? "≥" : ">")} {Numerator}/{Denominator}";
}
