using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Core.Features.Reports;
using DangVien.Core.Tests.Support;
using DangVien.Testing;

namespace DangVien.Core.Tests.Features.Reports;

/// <summary>
/// Conversion over a span of years (DOMAIN.md, reports): of the candidates put forward as a source in the span and of those
/// sent to the awareness course in the span, the share admitted in the span, per source category and for all; and the
/// yearly averages over the years that have data.
/// </summary>
public sealed class SpanConversionTests
{
    private static readonly DateOnly Today = new(2027, 2, 1);

    [Fact]
    public async Task Admitted_in_the_span_over_those_put_forward_and_those_sent_to_the_course_in_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var youth = await HistoryAsync(world);

        var trend = (await world.Reports().GetTrendAsync(world.Commune.Id, 2019, 2022))!;

        var all = trend.Conversions[0];
        var youthLine = trend.Conversions.Single(c => c.CategoryId == youth.Id);
        // 30 Youth Union members put forward 2019–2022 (the last on 31/12/2022; the one of 01/01/2023 is not), 19 sent to the
        // course in the span (18 of them and one put forward in 2018), 11 admitted in the span (10 of them and the one of 2018).
        Assert.Equal((youth.Code, 30, 19, 11), (youthLine.Code, youthLine.PutForward, youthLine.Coursed, youthLine.Admitted));
        Assert.Equal((36.7, 57.9), (YearlyReportServiceTests.Displayed(youthLine.OfPutForward), YearlyReportServiceTests.Displayed(youthLine.OfCoursed)));
        // All candidates: the two women of 2020 as well (one coursed in 2021 and admitted in 2022).
        Assert.Equal(((int?)null, 32, 20, 12), (all.CategoryId, all.PutForward, all.Coursed, all.Admitted));
        Assert.Equal((37.5, 60.0), (YearlyReportServiceTests.Displayed(all.OfPutForward), YearlyReportServiceTests.Displayed(all.OfCoursed)));
        Assert.Equal([null, world.Categories.Single(c => c.Code == "NU").Id, youth.Id], trend.Conversions.Select(c => c.CategoryId));

        // The province also counts the Youth Union member of Bình Minh: put forward 2020, coursed 2020, admitted 2021.
        var province = (await world.Reports().GetTrendAsync(world.Province.Id, 2019, 2022))!.Conversions.Single(c => c.CategoryId == youth.Id);
        Assert.Equal((31, 20, 12), (province.PutForward, province.Coursed, province.Admitted));
    }

    [Fact]
    public async Task The_span_ends_on_31_December_of_its_last_year()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var youth = await HistoryAsync(world);

        var to2021 = (await world.Reports().GetTrendAsync(world.Commune.Id, 2019, 2021))!.Conversions.Single(c => c.CategoryId == youth.Id);
        var of2023 = (await world.Reports().GetTrendAsync(world.Commune.Id, 2023, 2023))!.Conversions.Single(c => c.CategoryId == youth.Id);

        // Up to 2021: the 4 put forward in 2022 (the last on 31/12) and the admission of 10/03/2022 are out.
        Assert.Equal((26, 19, 10), (to2021.PutForward, to2021.Coursed, to2021.Admitted));
        // 2023: put forward and coursed on 01/01/2023 and 01/03/2023; admitted in 2023 one coursed in 2021.
        Assert.Equal((1, 1, 1), (of2023.PutForward, of2023.Coursed, of2023.Admitted));
    }

    [Fact]
    public async Task An_empty_span_has_no_rates_and_averages_leave_out_the_empty_years()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await HistoryAsync(world);

        var empty = (await world.Reports().GetTrendAsync(world.Commune.Id, 2010, 2012))!;
        var all = Assert.Single(empty.Conversions);
        Assert.Equal((0, 0, 0, (double?)null, (double?)null), (all.PutForward, all.Coursed, all.Admitted, all.OfPutForward, all.OfCoursed));
        Assert.Equal([2010, 2011, 2012], empty.EmptyYears);
        Assert.Equal((0, 0.0, (double?)null), (empty.DataYearCount, empty.AdmittedPerYear, empty.AverageShare));

        // 2017 holds nothing; 2018 the one put forward; 2019 admits 2 and 2020 admits 5: 7 over the 3 years with data.
        var span = (await world.Reports().GetTrendAsync(world.Commune.Id, 2017, 2020))!;
        Assert.Equal([2017], span.EmptyYears);
        Assert.Equal([0, 0, 2, 5], span.Years.Select(y => y.Admitted));
        Assert.Equal((3, 2.33), (span.DataYearCount, Math.Round(span.AdmittedPerYear, 2)));
        Assert.Equal(7.0 / span.Years.Skip(1).Sum(y => y.MembersAtStart), span.AverageShare);
    }

    /// <summary>The history of the tests: Youth Union members and women in the teachers' cell, one Youth Union member in Bình Minh.</summary>
    private static async Task<SourceCategory> HistoryAsync(World world)
    {
        var youth = new SourceCategory { Code = DefaultSourceCategories.YouthUnion, Name = "Đoàn viên TNCS Hồ Chí Minh", SortOrder = 9 };
        world.Db.SourceCategories.Add(youth);
        await world.Db.SaveChangesAsync();
        var women = world.Categories.Single(c => c.Code == "NU");
        for (var i = 0; i < 30; i++)
        {
            var name = $"Đoàn viên {i + 1}";
            if (i == 29)
            {
                await world.CandidateAsync(world.TeachersCell, name, [youth], (StageKind.Source, new DateOnly(2022, 12, 31)));
            }
            else if (i < 18)
            {
                var source = new DateOnly(2019 + (i % 3), 1 + (i % 6), 10);
                var course = source.AddMonths(3);
                (StageKind, DateOnly)[] history = i < 10
                    ? [(StageKind.Source, source), (StageKind.AwarenessCourse, course), (StageKind.AdmissionDecision, course.AddMonths(6))]
                    : i == 17
                        ? [(StageKind.Source, source), (StageKind.AwarenessCourse, course), (StageKind.AdmissionDecision, new DateOnly(2023, 2, 1))]
                        : [(StageKind.Source, source), (StageKind.AwarenessCourse, course)];
                await world.CandidateAsync(world.TeachersCell, name, [youth], history);
            }
            else
            {
                await world.CandidateAsync(world.TeachersCell, name, [youth], (StageKind.Source, new DateOnly(2019 + (i % 4), 7, 1)));
            }
        }

        await world.CandidateAsync(world.TeachersCell, "Ngoài kỳ", [youth],
            (StageKind.Source, new DateOnly(2023, 1, 1)), (StageKind.AwarenessCourse, new DateOnly(2023, 3, 1)));
        await world.CandidateAsync(world.TeachersCell, "Nguồn năm 2018", [youth],
            (StageKind.Source, new DateOnly(2018, 6, 1)), (StageKind.AwarenessCourse, new DateOnly(2019, 2, 1)), (StageKind.AdmissionDecision, new DateOnly(2020, 5, 1)));
        await world.CandidateAsync(world.OfficeCell, "Nữ thứ nhất", [women],
            (StageKind.Source, new DateOnly(2020, 2, 1)), (StageKind.AwarenessCourse, new DateOnly(2021, 3, 1)), (StageKind.AdmissionDecision, new DateOnly(2022, 6, 1)));
        await world.CandidateAsync(world.OfficeCell, "Nữ thứ hai", [women], (StageKind.Source, new DateOnly(2020, 4, 1)));
        await world.CandidateAsync(world.OtherVillageCell, "Đoàn viên Bình Minh", [youth],
            (StageKind.Source, new DateOnly(2020, 1, 1)), (StageKind.AwarenessCourse, new DateOnly(2020, 3, 1)), (StageKind.AdmissionDecision, new DateOnly(2021, 1, 1)));
        return youth;
    }
}
