using System.Globalization;
using PartyRoster.Domain.Members;

namespace PartyRoster.Domain.Tests.Members;

public class VietnameseNameNormalizeTests
{
    [Fact]
    public void Normalize_TrimsAndCollapsesWhitespace()
    {
        Assert.Equal("Nguyễn Văn An", VietnameseName.Normalize("  Nguyễn \t Văn\u00A0\u00A0An \n"));
    }

    [Fact]
    public void Normalize_ComposesToNfc()
    {
        // "Nguyễn" typed as e + circumflex + tilde, as some IMEs and macOS file names produce.
        var result = VietnameseName.Normalize("Nguye\u0302\u0303n");

        Assert.Equal("Nguyễn", result);
        Assert.True(result.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void Normalize_KeepsCaseAndPunctuation()
    {
        Assert.Equal("Y'Bih Niê", VietnameseName.Normalize("Y'Bih  Niê"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_ReturnsEmptyForBlank(string? input)
    {
        Assert.Equal(string.Empty, VietnameseName.Normalize(input));
    }

    [Fact]
    public void Normalize_ReplacesLoneSurrogateInsteadOfThrowing()
    {
        Assert.Equal("A\uFFFDB", VietnameseName.Normalize("A\uD800B"));
    }
}

public class VietnameseNameFoldTests
{
    [Theory]
    [InlineData("Nguyễn Văn Ân", "nguyen van an")]
    [InlineData("ĐẶNG  thị   Hoà", "dang thi hoa")]
    [InlineData("Đỗ Đức Đạt", "do duc dat")]
    [InlineData("TRƯƠNG MỸ LỆ", "truong my le")]
    [InlineData("  Phạm   Thị  Ngọc  ", "pham thi ngoc")]
    [InlineData("Lý Ưng Ơn", "ly ung on")]
    public void Fold_RemovesDiacriticsAndMapsDToD(string input, string expected)
    {
        Assert.Equal(expected, VietnameseName.Fold(input));
    }

    [Fact]
    public void Fold_TreatsDecomposedInputLikeComposed()
    {
        Assert.Equal("nguyen", VietnameseName.Fold("Nguye\u0302\u0303n"));
        Assert.Equal(VietnameseName.Fold("Hoà"), VietnameseName.Fold("Hoa\u0300"));
    }

    [Fact]
    public void Fold_DropsApostrophesAndSplitsOnHyphens()
    {
        Assert.Equal("hmong", VietnameseName.Fold("H'Mông"));
        Assert.Equal("hmong", VietnameseName.Fold("H\u2019Mông"));
        Assert.Equal("bru van kieu", VietnameseName.Fold("Bru-Vân Kiều"));
        Assert.Equal("gie trieng", VietnameseName.Fold("Giẻ-Triêng"));
    }

    [Fact]
    public void Fold_KeepsOnlyLettersDigitsAndSingleSpaces()
    {
        Assert.Equal("to 12 ap 3", VietnameseName.Fold("Tổ 12, (ấp 3)."));
    }

    [Fact]
    public void Fold_MapsEthLookalikeToD()
    {
        // Ð (U+00D0) is often typed for Đ (U+0110) by legacy keyboards.
        Assert.Equal("dung", VietnameseName.Fold("\u00D0ũng"));
    }

    [Fact]
    public void Fold_IsIndependentOfCurrentCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            // Turkish lower-cases "I" to dotless "ı"; folding must not.
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Equal("minh", VietnameseName.Fold("MINH"));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - ' ")]
    public void Fold_ReturnsEmptyWhenNothingRemains(string? input)
    {
        Assert.Equal(string.Empty, VietnameseName.Fold(input));
    }

    [Fact]
    public void Fold_TruncatesToFoldedMaxLength()
    {
        var result = VietnameseName.Fold(string.Join(' ', Enumerable.Repeat("Nguyễn", 40)));

        Assert.True(result.Length <= VietnameseName.FoldedMaxLength);
        Assert.False(result.EndsWith(' '));
    }
}

public class VietnameseNameTokensTests
{
    [Fact]
    public void Tokens_ReturnsDistinctFoldedWordsInOrder()
    {
        Assert.Equal(["nguyen", "thi", "ngoc", "anh"], VietnameseName.Tokens("Nguyễn Thị Ngọc  Ánh"));
    }

    [Fact]
    public void Tokens_RemovesDuplicatesAfterFolding()
    {
        Assert.Equal(["nguyen", "van"], VietnameseName.Tokens("Nguyễn Văn NGUYÊN"));
    }

    [Fact]
    public void Tokens_ReturnsEmptyForBlank()
    {
        Assert.Empty(VietnameseName.Tokens("  "));
        Assert.Empty(VietnameseName.Tokens(null));
    }
}

public class VietnameseNameSplitTests
{
    [Fact]
    public void Split_OneWordIsGivenNameOnly()
    {
        Assert.Equal((string.Empty, string.Empty, "Thảo"), VietnameseName.Split(" Thảo "));
    }

    [Fact]
    public void Split_TwoWordsAreFamilyAndGiven()
    {
        Assert.Equal(("Phạm", string.Empty, "Bình"), VietnameseName.Split("Phạm Bình"));
    }

    [Fact]
    public void Split_ThreeWordsHaveOneMiddleName()
    {
        Assert.Equal(("Nguyễn", "Văn", "An"), VietnameseName.Split("Nguyễn  Văn An"));
    }

    [Fact]
    public void Split_FourWordsKeepAllMiddleNames()
    {
        Assert.Equal(("Tôn", "Nữ Thị", "Hà"), VietnameseName.Split("Tôn Nữ Thị Hà"));
    }

    [Fact]
    public void Split_BlankIsAllEmpty()
    {
        Assert.Equal((string.Empty, string.Empty, string.Empty), VietnameseName.Split(null));
    }
}

public class VietnameseNameSortKeyTests
{
    // Vietnamese dictionary order: given name, then family name, then middle names;
    // a < ă < â, d < đ, o < ô < ơ, u < ư; shorter before longer; tones break ties.
    private static readonly string[] ExpectedOrder =
    [
        "An",                 // one-word name: no family name sorts first
        "Nguyễn An",          // empty middle name before "Văn"
        "Nguyễn Văn An",
        "Trần Thị An",        // same given name: family Nguyễn < Trần
        "Nguyễn Văn Anh",     // "An" is a prefix of "Anh"
        "Lê Văn Ân",          // â is a letter after a, so Ân follows every An…/Anh
        "Phạm Bình",
        "Nguyễn Văn Dũng",
        "Nguyễn Văn Đức",     // đ after d
        "Lê Thị Ha",
        "Lê Thị Hà",          // tones: none < huyền < sắc < nặng
        "Lê Thị Há",
        "Lê Thị Hạ",
        "Hoàng Thị Lan",
        "Vũ Văn Lăng",        // ă after a
        "Đỗ Văn Lâm",         // â after ă
        "Trịnh Văn Long",
        "Phan Văn Lộc",       // ô after o
        "Mai Văn Lợi",        // ơ after ô
        "Đặng Văn Tuấn",
        "Ngô Thị Tư",         // ư after u
    ];

    [Fact]
    public void SortKey_ContainsOnlyAsciiDigits()
    {
        foreach (var name in ExpectedOrder.Append("Y'Bih Niê").Append("Nguyễn Thị 2").Append("Kim Ji-woo 김"))
        {
            var key = VietnameseName.SortKey(name);

            Assert.NotEmpty(key);
            Assert.All(key, c => Assert.InRange(c, '0', '9'));
        }
    }

    [Fact]
    public void SortKey_OrdersNamesInVietnameseDictionaryOrder()
    {
        // A fixed scramble rather than Random so a failure is reproducible.
        string[] shuffled = [.. ExpectedOrder.Select((name, index) => (name, index))
            .OrderBy(x => (x.index * 7919) % ExpectedOrder.Length)
            .Select(x => x.name)];
        Assert.NotEqual(ExpectedOrder, shuffled);

        var sorted = shuffled.OrderBy(VietnameseName.SortKey, StringComparer.Ordinal).ToArray();

        Assert.Equal(ExpectedOrder, sorted);
    }

    [Fact]
    public void SortKey_SortsTheSameUnderCultureAwareComparison()
    {
        // Stands in for database collations other than binary (e.g. PostgreSQL en_US).
        var ordinal = ExpectedOrder.Reverse().OrderBy(VietnameseName.SortKey, StringComparer.Ordinal).ToArray();
        var cultural = ExpectedOrder.Reverse()
            .OrderBy(VietnameseName.SortKey, StringComparer.Create(new CultureInfo("en-US"), ignoreCase: false))
            .ToArray();

        Assert.Equal(ordinal, cultural);
    }

    [Fact]
    public void SortKey_OrdersTonesNoneHuyenHoiNgaSacNang()
    {
        string[] expected = ["Lê Thị Ha", "Lê Thị Hà", "Lê Thị Hả", "Lê Thị Hã", "Lê Thị Há", "Lê Thị Hạ"];

        var sorted = expected.Reverse().OrderBy(VietnameseName.SortKey, StringComparer.Ordinal).ToArray();

        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void SortKey_PutsAnBeforeAnh()
    {
        Assert.True(string.CompareOrdinal(VietnameseName.SortKey("An"), VietnameseName.SortKey("Anh")) < 0);
        Assert.True(string.CompareOrdinal(VietnameseName.SortKey("Trần Thị An"), VietnameseName.SortKey("Anh")) < 0);
    }

    [Fact]
    public void SortKey_PutsDBeforeDStroke()
    {
        Assert.True(string.CompareOrdinal(VietnameseName.SortKey("Nguyễn Văn Dũng"), VietnameseName.SortKey("Nguyễn Văn Đức")) < 0);
        Assert.True(string.CompareOrdinal(VietnameseName.SortKey("Nguyễn Văn Du"), VietnameseName.SortKey("Nguyễn Văn Đu")) < 0);
    }

    [Fact]
    public void SortKey_UsesMiddleNamesLast()
    {
        Assert.True(string.CompareOrdinal(VietnameseName.SortKey("Nguyễn Bình An"), VietnameseName.SortKey("Nguyễn Văn An")) < 0);
        Assert.True(string.CompareOrdinal(VietnameseName.SortKey("Nguyễn Văn An"), VietnameseName.SortKey("Nguyễn Văn Bình An")) < 0);
    }

    [Fact]
    public void SortKey_IsCaseInsensitive()
    {
        Assert.Equal(VietnameseName.SortKey("Nguyễn Văn Đức"), VietnameseName.SortKey("NGUYỄN VĂN ĐỨC"));
        Assert.Equal(VietnameseName.SortKey("Nguyễn Văn Đức"), VietnameseName.SortKey("  nguyễn  văn đức "));
    }

    [Fact]
    public void SortKey_TreatsDecomposedInputLikeComposed()
    {
        Assert.Equal(VietnameseName.SortKey("Nguyễn Văn Ân"), VietnameseName.SortKey("Nguye\u0302\u0303n Va\u0306n A\u0302n"));
    }

    [Fact]
    public void SortKey_IgnoresTonePlacementWithinSyllable()
    {
        Assert.Equal(VietnameseName.SortKey("Lê Thị Hoà"), VietnameseName.SortKey("Lê Thị Hòa"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void SortKey_IsEmptyForBlankName(string? input)
    {
        Assert.Equal(string.Empty, VietnameseName.SortKey(input));
    }

    [Fact]
    public void SortKey_StaysWithinMaxLengthForOverlongInput()
    {
        var key = VietnameseName.SortKey(string.Join(' ', Enumerable.Repeat("Nguyễn Thị Ngọc Ánh", 50)));

        Assert.InRange(key.Length, 1, VietnameseName.SortKeyMaxLength);
        Assert.All(key, c => Assert.InRange(c, '0', '9'));
    }

    [Fact]
    public void SortKey_FitsMaxLengthForAnyNameOfNameMaxLength()
    {
        var longest = string.Join(' ', Enumerable.Repeat("a", (VietnameseName.NameMaxLength + 1) / 2));

        Assert.True(VietnameseName.SortKey(longest).Length <= VietnameseName.SortKeyMaxLength);
        Assert.True(VietnameseName.SortKey(new string('x', VietnameseName.NameMaxLength)).Length <= VietnameseName.SortKeyMaxLength);
    }
}

public class EthnicitiesTests
{
    [Fact]
    public void All_HasThe54OfficialGroupsWithKinhFirst()
    {
        Assert.Equal(54, Ethnicities.All.Count);
        Assert.Equal("Kinh", Ethnicities.All[0]);
        Assert.Equal(Ethnicities.All.Count, Ethnicities.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void All_IsNormalizedAndDistinctEvenWhenFolded()
    {
        Assert.All(Ethnicities.All, name => Assert.Equal(name, VietnameseName.Normalize(name)));
        Assert.Equal(Ethnicities.All.Count, Ethnicities.All.Select(VietnameseName.Fold).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("Kinh")]
    [InlineData("  Ê   Đê ")]
    [InlineData("Ơ Đu")]
    [InlineData("Xo\u031B Đa\u0306ng")]
    public void IsKnown_AcceptsListedNamesAfterNormalize(string name)
    {
        Assert.True(Ethnicities.IsKnown(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("kinh")]
    [InlineData("Việt")]
    public void IsKnown_RejectsOtherText(string? name)
    {
        Assert.False(Ethnicities.IsKnown(name));
    }
}

public class ReligionsTests
{
    [Fact]
    public void All_StartsWithNoneAndEndsWithOther()
    {
        Assert.Equal(Religions.None, Religions.All[0]);
        Assert.Equal(Religions.Other, Religions.All[^1]);
        Assert.Equal(Religions.All.Count, Religions.All.Distinct(StringComparer.Ordinal).Count());
        Assert.True(Religions.IsKnown("Phật  giáo"));
    }
}
