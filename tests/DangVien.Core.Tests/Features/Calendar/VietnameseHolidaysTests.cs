using DangVien.Core.Features.Calendar;

namespace DangVien.Core.Tests.Features.Calendar;

public sealed class VietnameseHolidaysTests
{
    [Fact]
    public void The_default_holidays_of_2026_are_the_eleven_days_off_of_the_Labour_Code()
    {
        Holiday[] expected =
        [
            new(new DateOnly(2026, 1, 1), "Tết Dương lịch"),
            new(new DateOnly(2026, 2, 16), "Tết Nguyên đán"),
            new(new DateOnly(2026, 2, 17), "Tết Nguyên đán"),
            new(new DateOnly(2026, 2, 18), "Tết Nguyên đán"),
            new(new DateOnly(2026, 2, 19), "Tết Nguyên đán"),
            new(new DateOnly(2026, 2, 20), "Tết Nguyên đán"),
            new(new DateOnly(2026, 4, 26), "Giỗ Tổ Hùng Vương"),
            new(new DateOnly(2026, 4, 30), "Ngày Chiến thắng 30/4"),
            new(new DateOnly(2026, 5, 1), "Ngày Quốc tế Lao động 1/5"),
            new(new DateOnly(2026, 9, 1), "Quốc khánh 2/9"),
            new(new DateOnly(2026, 9, 2), "Quốc khánh 2/9"),
        ];

        Assert.Equal(expected, VietnameseHolidays.ForYear(2026));
    }

    [Fact]
    public void Tet_2025_runs_from_the_eve_28_January_to_1_February()
    {
        var tet = VietnameseHolidays.ForYear(2025).Where(h => h.Name == VietnameseHolidays.LunarNewYear).Select(h => h.Date);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => new DateOnly(2025, 1, 28).AddDays(i)), tet);
    }

    [Fact]
    public void Hung_Kings_day_on_29_April_2023_stays_a_day_of_its_own_beside_30_April()
    {
        var holidays = VietnameseHolidays.ForYear(2023);

        Assert.Contains(new Holiday(new DateOnly(2023, 4, 29), VietnameseHolidays.HungKingsDay), holidays);
        Assert.Contains(new Holiday(new DateOnly(2023, 4, 30), VietnameseHolidays.ReunificationDay), holidays);
    }

    [Fact]
    public void Every_year_has_eleven_distinct_default_days_in_that_year_with_five_consecutive_Tet_days()
    {
        for (var year = VietnameseHolidays.MinYear; year <= VietnameseHolidays.MaxYear; year++)
        {
            var holidays = VietnameseHolidays.ForYear(year);
            var tet = holidays.Where(h => h.Name == VietnameseHolidays.LunarNewYear).Select(h => h.Date).ToList();

            Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
            Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
            Assert.Equal(5, tet.Count);
            Assert.Equal(tet[0].AddDays(4), tet[4]);
            Assert.All(holidays, h => Assert.InRange(h.Name.Length, 1, 120));
        }
    }
}
