using DangVien.Core.Common;

namespace DangVien.Core.Tests.Common;

public sealed class SupportedRangeTests
{
    [Theory]
    [InlineData(1929, false)]
    [InlineData(1930, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    [InlineData(0, false)]
    [InlineData(int.MaxValue, false)]
    public void Years_from_the_founding_of_the_Party_to_2100_are_supported(int year, bool supported) =>
        Assert.Equal(supported, SupportedRange.IsYear(year));

    [Fact]
    public void Dates_from_1900_to_the_end_of_2100_are_supported_and_the_message_says_so()
    {
        Assert.True(SupportedRange.IsDate(new DateOnly(1900, 1, 1)));
        Assert.True(SupportedRange.IsDate(new DateOnly(2100, 12, 31)));
        Assert.False(SupportedRange.IsDate(DateOnly.MinValue));
        Assert.False(SupportedRange.IsDate(DateOnly.MaxValue));
        Assert.Equal("Ngày phải từ 01/01/1900 đến 31/12/2100.", SupportedRange.DateMessage);
        Assert.Equal("Năm phải từ 1930 đến 2100.", SupportedRange.YearMessage);
    }

    [Theory]
    [InlineData(int.MinValue, 1)]
    [InlineData(0, 1)]
    [InlineData(7, 7)]
    [InlineData(int.MaxValue, SupportedRange.MaxPage)]
    public void A_page_is_brought_into_range_so_its_offset_cannot_overflow(int page, int expected)
    {
        Assert.Equal(expected, SupportedRange.Page(page));
        Assert.True((long)(SupportedRange.Page(page) - 1) * 200 < int.MaxValue);
    }

    [Fact]
    public void A_search_is_trimmed_cut_and_empty_reads_as_none()
    {
        Assert.Null(SupportedRange.Search("   "));
        Assert.Null(SupportedRange.Search(null));
        Assert.Equal("Nguyễn", SupportedRange.Search("  Nguyễn "));
        Assert.Equal(SupportedRange.MaxSearchLength, SupportedRange.Search(new string('a', 2000))!.Length);
    }
}
