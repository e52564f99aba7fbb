using System.Globalization;
using System.Text;

namespace PartyRoster.Domain.Members;

/// <summary>
/// Normalisation, accent-insensitive search folding and database-independent sort keys for
/// Vietnamese personal names.
/// </summary>
public static class VietnameseName
{
    /// <summary>Longest full name accepted for storage.</summary>
    public const int NameMaxLength = 100;

    /// <summary>Longest value <see cref="Fold"/> returns (and longest single search token).</summary>
    public const int FoldedMaxLength = 100;

    /// <summary>Longest value <see cref="SortKey"/> returns.</summary>
    public const int SortKeyMaxLength = 400;

    // Vietnamese alphabet order of base letters, tones ignored; f, j, w, z only occur in foreign names.
    // A letter's primary code is its index here plus LetterCodeBase.
    private const string Alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    // Sort key tokens are two decimal digits each, so ordinal comparison of keys is token-by-token
    // comparison. The structural tokens sit below every character so that a shorter name sorts
    // before a longer one that extends it ("An" < "Anh"), and "end of primary" sits below the part
    // separator, which sits below the word separator, so each level decides before the next.
    private const int EndOfPrimaryCode = 0;
    private const int PartSeparatorCode = 1;
    private const int WordSeparatorCode = 2;
    private const int DigitCodeBase = 10;   // "10".."19": digits sort before letters.
    private const int LetterCodeBase = 20;  // "20".."52": the 33 letters of Alphabet.
    private const int OtherLetterCode = 99; // Letters outside the Vietnamese/Latin alphabet sort last.

    private const int ToneNone = 0;

    /// <summary>
    /// Trims, collapses runs of whitespace to a single space and composes to Unicode NFC,
    /// so the same name typed on different keyboards/IMEs is stored identically.
    /// </summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(name.Length);
        var pendingSpace = false;

        // Enumerating runes replaces lone surrogates with U+FFFD; string.Normalize would throw on them.
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Folds text for accent- and case-insensitive search: lower case, no diacritics, đ → d,
    /// only letters, digits and single spaces ("ĐẶNG  thị Hoà" → "dang thi hoa").
    /// Apostrophes are dropped ("H'Mông" → "hmong"); other punctuation separates words.
    /// </summary>
    public static string Fold(string? text) => Truncate(FoldUntruncated(text), FoldedMaxLength);

    /// <summary>The distinct words of <see cref="Fold"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Tokens(string? name)
    {
        // Folded without the overall length cap so an over-long input never yields a cut-off last word.
        var folded = FoldUntruncated(name);
        if (folded.Length == 0)
        {
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new List<string>();
        foreach (var word in folded.Split(' '))
        {
            var token = Truncate(word, FoldedMaxLength);
            if (seen.Add(token))
            {
                tokens.Add(token);
            }
        }

        return tokens.AsReadOnly();
    }

    /// <summary>
    /// Splits a full name into family name (first word), given name (last word) and middle names
    /// (the words between, possibly empty). A one-word name has a given name only.
    /// </summary>
    public static (string Family, string Middle, string Given) Split(string? fullName)
    {
        var normalized = Normalize(fullName);
        if (normalized.Length == 0)
        {
            return (string.Empty, string.Empty, string.Empty);
        }

        var first = normalized.IndexOf(' ');
        if (first < 0)
        {
            return (string.Empty, string.Empty, normalized);
        }

        var last = normalized.LastIndexOf(' ');
        var family = normalized[..first];
        var given = normalized[(last + 1)..];
        var middle = first == last ? string.Empty : normalized[(first + 1)..last];
        return (family, middle, given);
    }

    /// <summary>
    /// A key of ASCII digits only whose ordinal order is Vietnamese dictionary order by given name,
    /// then family name, then middle names (a ă â … d đ … o ô ơ … u ư …), with tones
    /// (none, huyền, hỏi, ngã, sắc, nặng) breaking ties. Case-insensitive. Digits only, so every
    /// database collation sorts it the same way. Empty for a blank name.
    /// </summary>
    public static string SortKey(string? fullName)
    {
        var (family, middle, given) = Split(fullName);

        var codes = new List<int>();
        var wordStarts = new List<int>();
        var wordTones = new List<int>();

        AppendPartCodes(given, codes, wordStarts, wordTones);
        codes.Add(PartSeparatorCode);
        AppendPartCodes(family, codes, wordStarts, wordTones);
        codes.Add(PartSeparatorCode);
        AppendPartCodes(middle, codes, wordStarts, wordTones);

        if (wordTones.Count == 0)
        {
            return string.Empty;
        }

        // Cut the primary section (and the tones of words that no longer start inside it) until the
        // key fits; cutting whole two-digit tokens keeps the key well-formed.
        var keptCodes = codes.Count;
        var keptWords = wordTones.Count;
        while ((2 * keptCodes) + 2 + keptWords > SortKeyMaxLength)
        {
            keptCodes--;
            while (keptWords > 0 && wordStarts[keptWords - 1] >= keptCodes)
            {
                keptWords--;
            }
        }

        var key = new StringBuilder((2 * keptCodes) + 2 + keptWords);
        for (var i = 0; i < keptCodes; i++)
        {
            AppendTwoDigits(key, codes[i]);
        }

        AppendTwoDigits(key, EndOfPrimaryCode);

        // Secondary section: one tone digit per word. Per word rather than per letter because a
        // syllable carries one tone, so "Hoà" and "Hòa" (old and new tone placement) get the same key.
        for (var i = 0; i < keptWords; i++)
        {
            key.Append((char)('0' + wordTones[i]));
        }

        return key.ToString();
    }

    private static string FoldUntruncated(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return string.Empty;
        }

        var decomposed = normalized.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;

        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (IsDropped(rune))
            {
                continue;
            }

            var folded = IsDStroke(rune) ? new Rune('d') : rune;
            if (!Rune.IsLetterOrDigit(folded))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(folded);
        }

        // Recompose what NFD split apart without being a diacritic (e.g. Hangul jamo).
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static void AppendPartCodes(string part, List<int> codes, List<int> wordStarts, List<int> wordTones)
    {
        if (part.Length == 0)
        {
            return;
        }

        var decomposed = part.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var wordsInPart = 0;
        var inWord = false;
        var afterLetter = false;

        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (IsMark(rune))
            {
                // NFD puts a letter's modifiers (breve, circumflex, horn) and tone mark after it.
                if (afterLetter)
                {
                    ApplyMark(rune.Value, codes, wordTones);
                }

                continue;
            }

            afterLetter = false;
            if (IsDropped(rune))
            {
                continue;
            }

            var code = PrimaryCode(rune);
            if (code < 0)
            {
                inWord = false;
                continue;
            }

            if (!inWord)
            {
                if (wordsInPart > 0)
                {
                    codes.Add(WordSeparatorCode);
                }

                wordStarts.Add(codes.Count);
                wordTones.Add(ToneNone);
                wordsInPart++;
                inWord = true;
            }

            codes.Add(code);
            afterLetter = code >= LetterCodeBase;
        }
    }

    private static void ApplyMark(int mark, List<int> codes, List<int> wordTones)
    {
        var letter = Alphabet[codes[^1] - LetterCodeBase];
        var modified = (mark, letter) switch
        {
            (0x0306, 'a') => 'ă',                 // breve
            (0x0302, 'a') => 'â',                 // circumflex
            (0x0302, 'e') => 'ê',
            (0x0302, 'o') => 'ô',
            (0x031B, 'o') => 'ơ',                 // horn
            (0x031B, 'u') => 'ư',
            _ => letter,
        };

        if (modified != letter)
        {
            codes[^1] = LetterCodeBase + Alphabet.IndexOf(modified, StringComparison.Ordinal);
            return;
        }

        // Traditional dictionary order of the tones: ngang, huyền, hỏi, ngã, sắc, nặng.
        var tone = mark switch
        {
            0x0300 => 1, // huyền (grave)
            0x0309 => 2, // hỏi (hook above)
            0x0303 => 3, // ngã (tilde)
            0x0301 => 4, // sắc (acute)
            0x0323 => 5, // nặng (dot below)
            _ => ToneNone,
        };

        if (tone != ToneNone && wordTones[^1] == ToneNone)
        {
            wordTones[^1] = tone;
        }
    }

    // Primary code of a lower-case, decomposed character, or -1 when it separates words.
    private static int PrimaryCode(Rune rune)
    {
        var value = rune.Value;
        if (value is >= 'a' and <= 'z')
        {
            return LetterCodeBase + Alphabet.IndexOf((char)value, StringComparison.Ordinal);
        }

        if (IsDStroke(rune))
        {
            return LetterCodeBase + Alphabet.IndexOf('đ', StringComparison.Ordinal);
        }

        if (value is >= '0' and <= '9')
        {
            return DigitCodeBase + (value - '0');
        }

        return Rune.IsLetterOrDigit(rune) ? OtherLetterCode : -1;
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // Removed without splitting the word: diacritics, invisible format characters (soft hyphen,
    // zero-width joiners) and apostrophes inside names such as H'Mông or Y'Bih.
    private static bool IsDropped(Rune rune) =>
        IsMark(rune)
        || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format
        || IsApostrophe(rune.Value);

    // ʼ (U+02BC) and ʻ (U+02BB) are letters to Unicode, so they must be caught here, not by category.
    private static bool IsApostrophe(int value) => value is
        '\'' or '`' or '\u00B4' or '\u02B9' or '\u02BB' or '\u02BC' or '\u2018' or '\u2019' or '\u2032';

    // đ, plus ð (lower case of Ð U+00D0), which some keyboards and legacy encodings produce for Đ.
    private static bool IsDStroke(Rune rune) => rune.Value is 'đ' or 'ð';

    private static void AppendTwoDigits(StringBuilder builder, int code) =>
        builder.Append((char)('0' + (code / 10))).Append((char)('0' + (code % 10)));

    private static string Truncate(string value, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        // Never split a surrogate pair.
        var cut = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..cut].TrimEnd(' ');
    }
}
