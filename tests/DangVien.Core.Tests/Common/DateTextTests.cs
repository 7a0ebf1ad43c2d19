using DangVien.Core.Common;

namespace DangVien.Core.Tests.Common;

public sealed class DateTextTests
{
    [Theory]
    [InlineData("05/03/2026")]
    [InlineData("5/3/2026")]
    [InlineData("5-3-2026")]
    [InlineData("5.3.2026")]
    [InlineData("05032026")]
    [InlineData(" 05/03/2026 ")]
    [InlineData("2026-03-05")]
    public void A_date_is_read_day_first_in_every_way_it_is_typed(string typed) =>
        Assert.Equal(new DateReading(new DateOnly(2026, 3, 5), null), DateText.Read(typed));

    [Theory]
    [InlineData("28/02/2026", 2026, 2, 28)]
    [InlineData("29/02/2028", 2028, 2, 29)]
    [InlineData("29/02/2000", 2000, 2, 29)]
    [InlineData("30/04/2026", 2026, 4, 30)]
    [InlineData("31/12/2026", 2026, 12, 31)]
    [InlineData("01/01/1900", 1900, 1, 1)]
    [InlineData("31/12/2100", 2100, 12, 31)]
    [InlineData("29022028", 2028, 2, 29)]
    public void The_last_days_of_months_and_the_range_ends_are_read(string typed, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateText.Read(typed).Date);

    [Theory]
    [InlineData("29/02/2026", "Không có ngày 29/02/2026.")]
    [InlineData("29/02/2100", "Không có ngày 29/02/2100.")]
    [InlineData("31/02/2026", "Không có ngày 31/02/2026.")]
    [InlineData("31/04/2026", "Không có ngày 31/04/2026.")]
    [InlineData("00/01/2026", "Không có ngày 00/01/2026.")]
    [InlineData("5/13/2026", "Không có ngày 05/13/2026.")]
    [InlineData("1/0/2026", "Không có ngày 01/00/2026.")]
    [InlineData("31022026", "Không có ngày 31/02/2026.")]
    public void A_day_that_does_not_exist_is_named(string typed, string message) =>
        Assert.Equal(new DateReading(null, message), DateText.Read(typed));

    [Theory]
    [InlineData("050326")]
    [InlineData("5/3/26")]
    [InlineData("0503202")]
    [InlineData("050320261")]
    [InlineData("5/3-2026")]
    [InlineData("05 03 2026")]
    [InlineData("hôm nay")]
    [InlineData("2026/03/05")]
    [InlineData("٠٥/٠٣/٢٠٢٦")]
    [InlineData("005/03/2026")]
    public void Junk_is_answered_with_the_expected_form(string typed) =>
        Assert.Equal(new DateReading(null, "Ngày phải theo dạng ngày/tháng/năm, ví dụ 05/03/2026."), DateText.Read(typed));

    [Theory]
    [InlineData("31/12/1899")]
    [InlineData("01/01/2101")]
    [InlineData("01/01/0000")]
    [InlineData("31/02/9999")]
    [InlineData("01019999")]
    public void A_year_outside_the_supported_range_gets_the_range_message(string typed) =>
        Assert.Equal(new DateReading(null, SupportedRange.DateMessage), DateText.Read(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_is_neither_a_date_nor_an_error(string? typed)
    {
        Assert.True(DateText.Read(typed).IsEmpty);
        Assert.False(DateText.TryRead(typed, out _));
    }

    [Fact]
    public void A_date_is_shown_with_two_digit_day_and_month() =>
        Assert.Equal("05/03/2026", DateText.Show(new DateOnly(2026, 3, 5)));
}
