using System.Globalization;
using AngleSharp.Dom;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;

namespace DangVien.Web.Tests.Pictures;

/// <summary>
/// The pictures drawn on the server, read from the HTML of real requests: the trend's bars, quota marks and 3–4 %
/// bands; the funnel's conversions and links; the cell secretary's one line; a file's step bar.
/// </summary>
public sealed class PicturePageTests
{
    /// <summary>The chart's plot height in its own units: 220 high, 14 above, 24 below.</summary>
    private const double PlotHeight = 182;

    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    /// <summary>
    /// The commune has 100 members from 2015 on (3–4 %: 3 to 4 a year), a quota of 4 in 2025 and 3 in 2026, and
    /// admission decisions for 2 people in 2025 and 5 in 2026: the axis runs to 8 (four steps of 2).
    /// </summary>
    [Fact]
    public async Task The_trend_chart_draws_each_years_admitted_quota_and_guide_to_scale()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, 2026);
            for (var i = 0; i < 83; i++)
            {
                db.Members.Add(new Member
                {
                    FullName = $"Đảng viên C{i}",
                    CellId = tree.CellA.Id,
                    Status = MemberStatus.Official,
                    AdmittedOn = new DateOnly(2014, 1, 1),
                    RecognisedOn = new DateOnly(2015, 1, 1),
                });
            }

            db.Quotas.Add(new Quota { OrgUnitId = tree.Commune.Id, Year = 2025, Total = 4 });
            for (var i = 0; i < 7; i++)
            {
                var decided = i < 2 ? new DateOnly(2025, 5, 2) : new DateOnly(2026, 3, 2);
                var candidate = TinyProvince.Candidate(i % 2 == 0 ? tree.CellA : tree.CellB, $"Người {i}", CandidateStage.AdmissionDecided, decided);
                candidate.History.Add(Entry(StageKind.AdmissionDecision, decided));
                db.Candidates.Add(candidate);
            }

            await db.SaveChangesAsync();
        }

        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");
        var page = await client.PageAsync($"/reports/trend?unit={tree.Commune.Id}&from=2025&to=2026");

        // The table stays, below the picture, with the same figures.
        var chart = page.QuerySelector("figure.trend-chart")!;
        var table = chart.ParentElement!.QuerySelector("table")!;
        Assert.True(chart.CompareDocumentPosition(table).HasFlag(DocumentPositions.Following));
        Assert.Equal(
            [["2025", "100", "4", "2"], ["2026", "100", "3", "5"]],
            table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Take(4).Select(td => td.Text()).ToList()));

        var svg = chart.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Kết nạp từng năm so với chỉ tiêu và hướng dẫn 3–4 %", svg.QuerySelector("title")!.Text());
        Assert.Contains("bảng “Từng năm” bên dưới", svg.QuerySelector("desc")!.Text());
        Assert.Equal("8", svg.GetAttribute("data-max"));
        Assert.Equal(["0", "2", "4", "6", "8"], svg.QuerySelectorAll("text.trend-chart__tick").Select(t => t.Text()));

        var years = svg.QuerySelectorAll("g.trend-chart__year").ToDictionary(g => g.GetAttribute("data-year")!);
        Assert.Equal(["2025", "2026"], years.Keys);

        // Bars: 2 and 5 of 8 → 45,5 and 113,75 of the 182 units; the bar stands on the axis (y + height = 196).
        AssertBar(years["2025"], 2, PlotHeight * 2 / 8);
        AssertBar(years["2026"], 5, PlotHeight * 5 / 8);
        Assert.Equal("2", years["2025"].QuerySelector("text.trend-chart__value")!.Text());

        // The quota marks at 4 and 3: y = 196 − 182 × quota ÷ 8.
        Assert.Equal(F(196 - (PlotHeight * 4 / 8)), years["2025"].QuerySelector("line.trend-chart__quota")!.GetAttribute("y1"));
        Assert.Equal(F(196 - (PlotHeight * 3 / 8)), years["2026"].QuerySelector("line.trend-chart__quota")!.GetAttribute("y1"));

        // The band from 3 % to 4 % of 100 members: 3 to 4.
        var band = years["2026"].QuerySelector("rect.trend-chart__band")!;
        Assert.Equal(("3", "4"), (band.GetAttribute("data-low"), band.GetAttribute("data-high")));
        Assert.Equal(F(196 - (PlotHeight * 4 / 8)), band.GetAttribute("y"));
        Assert.Equal(F(PlotHeight / 8), band.GetAttribute("height"));

        Assert.Equal("Năm 2026: kết nạp 5, chỉ tiêu 3, hướng dẫn 3–4 %: 3,0 – 4,0", years["2026"].QuerySelector("title")!.Text());
        Assert.Equal(["Đã kết nạp", "Chỉ tiêu", "Hướng dẫn 3–4 % số đảng viên đầu năm"], chart.QuerySelectorAll("figcaption > span").Select(s => s.Text()));
        Assert.Empty(page.QuerySelectorAll("main [style]"));
        Assert.Empty(page.QuerySelectorAll("main script"));

        static void AssertBar(IElement year, int value, double height)
        {
            var bar = year.QuerySelector("rect.trend-chart__bar")!;
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), bar.GetAttribute("data-value"));
            Assert.Equal(F(height), bar.GetAttribute("height"));
            Assert.Equal(196, double.Parse(bar.GetAttribute("y")!, CultureInfo.InvariantCulture) + double.Parse(bar.GetAttribute("height")!, CultureInfo.InvariantCulture), 2);
        }
    }

    /// <summary>
    /// Cell A (quota 2, one admission decided) in mid-June 2026: 199 days left, 1 more needed, and of its open files those
    /// the age rule lets the cell vote on by 31/12 — three adults, one who turns 18 on 15/12/2026, one past 60 with the
    /// consent and one voted already: 6; not the one who turns 18 in 2027, the one past 60 without consent, the one who
    /// left, nor the admitted one or cell B's.
    /// </summary>
    [Fact]
    public async Task The_cell_secretary_reads_days_left_admissions_needed_and_admittable_files_in_one_line()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, 2026);
            var admitted = TinyProvince.Candidate(tree.CellA, "Nguyễn Văn An", CandidateStage.AdmissionDecided, new DateOnly(2026, 3, 2));
            admitted.History.Add(Entry(StageKind.AdmissionDecision, new DateOnly(2026, 3, 2)));
            var consent = Born(TinyProvince.Candidate(tree.CellA, "Già Có Thuận", CandidateStage.Source, new DateOnly(2026, 1, 10)), 1960, 1, 1);
            consent.History.Add(Entry(StageKind.EligibilityException, new DateOnly(2026, 2, 1)));
            consent.History[0].ExceptionKind = EligibilityExceptionKind.OverSixty;
            db.Candidates.AddRange(
                admitted,
                TinyProvince.Candidate(tree.CellA, "Trần Thị Bình", CandidateStage.Source, new DateOnly(2026, 1, 10)),
                TinyProvince.Candidate(tree.CellA, "Lê Văn Cường", CandidateStage.Source, new DateOnly(2026, 1, 10)),
                TinyProvince.Candidate(tree.CellA, "Hoàng Thị Mai", CandidateStage.AwarenessCourse, new DateOnly(2026, 2, 1)),
                Born(TinyProvince.Candidate(tree.CellA, "Trẻ Đủ Tuổi", CandidateStage.Source, new DateOnly(2026, 1, 10)), 2008, 12, 15),
                Born(TinyProvince.Candidate(tree.CellA, "Trẻ Chưa Đủ", CandidateStage.Source, new DateOnly(2026, 1, 10)), 2009, 1, 1),
                Born(TinyProvince.Candidate(tree.CellA, "Già Chưa Thuận", CandidateStage.Source, new DateOnly(2026, 1, 10)), 1960, 1, 1),
                consent,
                TinyProvince.Candidate(tree.CellA, "Đã Biểu Quyết", CandidateStage.CellVoted, new DateOnly(2026, 5, 5)),
                TinyProvince.Candidate(tree.CellA, "Đã Dừng", CandidateStage.Exited, new DateOnly(2026, 4, 1)),
                TinyProvince.Candidate(tree.CellB, "Đinh Văn Nam", CandidateStage.Source, new DateOnly(2026, 1, 10)));
            await db.SaveChangesAsync();
        }

        var client = await app.SecretaryAsync(tree.CellA);
        var page = await client.PageAsync("/");

        var line = page.QuerySelector("#outlook")!;
        Assert.Equal("Còn 199 ngày, cần thêm 1 người, 6 hồ sơ có thể kết nạp trong năm", Words(line));
        Assert.Equal(
            [("days-left", "199"), ("needed", "1"), ("admittable", "6")],
            line.QuerySelectorAll("[data-figure]").Select(s => (s.GetAttribute("data-figure")!, s.GetAttribute("data-value")!)));

        // The funnel: standing now Source 6, course 1, voted 1, decided 1; reached: 9, 3, 2 … 2, 1, 1, 0, 0.
        var steps = page.QuerySelectorAll(".funnel__step").ToList();
        Assert.Equal(11, steps.Count);
        Assert.Equal(
            ["", "33,3 %", "66,7 %", "100,0 %", "100,0 %", "100,0 %", "100,0 %", "50,0 %", "100,0 %", "0,0 %", ""],
            steps.Select(s => Words(s.QuerySelector(".funnel__conversion")!).Replace("so với bước trước: ", "", StringComparison.Ordinal)));
        Assert.Equal("0.3333", steps[1].QuerySelector(".funnel__conversion")!.GetAttribute("data-ratio"));
        Assert.Equal(["6", "1"], steps.Take(2).Select(s => s.QuerySelector(".funnel__count")!.Text()));

        // Each stage's bar opens the candidates of the cell standing at it (the list's own query parameters).
        Assert.Equal($"/candidates?unit={tree.CellA.Id}&stage=Source", steps[0].QuerySelector(".funnel__label a")!.GetAttribute("href"));
        Assert.Equal($"/candidates?unit={tree.CellA.Id}&stage=CellVoted", steps[6].QuerySelector(".funnel__label a")!.GetAttribute("href"));
        var list = await client.PageAsync(steps[0].QuerySelector(".funnel__label a")!.GetAttribute("href")!);
        var names = list.QuerySelectorAll("main table tbody tr a").Select(a => a.Text()).ToList();
        Assert.Contains("Trần Thị Bình", names);
        Assert.DoesNotContain("Hoàng Thị Mai", names);
        Assert.DoesNotContain("Đinh Văn Nam", names);

        // Another year, or a committee: no line.
        Assert.Null((await client.PageAsync("/?year=2025")).QuerySelector("#outlook"));
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var committee = await app.SignedInClientAsync("vanphong");
        Assert.Null((await committee.PageAsync("/")).QuerySelector("#outlook"));

        // A second admission decided: the quota of 2 is reached, and the line says so rather than "0 more".
        await using (var db = app.Database.CreateContext())
        {
            var second = TinyProvince.Candidate(tree.CellA, "Phạm Văn Bảo", CandidateStage.AdmissionDecided, new DateOnly(2026, 6, 1));
            second.History.Add(Entry(StageKind.AdmissionDecision, new DateOnly(2026, 6, 1)));
            db.Candidates.Add(second);
            await db.SaveChangesAsync();
        }

        var reached = (await client.PageAsync("/")).QuerySelector("#outlook")!;
        Assert.Equal("Còn 199 ngày, đã đạt chỉ tiêu, 6 hồ sơ có thể kết nạp trong năm", Words(reached));
        Assert.Equal("0", reached.QuerySelector("[data-figure=needed]")!.GetAttribute("data-value"));
    }

    /// <summary>
    /// The yearly report's funnel over the tiny province of <see cref="Reports.YearlyReportPageTests"/>: one bar per step of
    /// its table with the same count and link, and each step's people against the step before, as a percentage.
    /// </summary>
    [Fact]
    public async Task The_yearly_reports_funnel_draws_each_steps_people_and_the_conversion_from_the_step_before()
    {
        await using var app = await DangVienApp.StartAsync(new FixedClock(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(7))));
        var tree = await Reports.YearlyReportPageTests.ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");

        var page = await client.PageAsync($"/reports?unit={tree.Commune.Id}&year=2026");

        var section = page.QuerySelector("#funnel-heading")!.ParentElement!;
        var rows = section.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr:not(.report-exit)").ToList();
        var steps = section.QuerySelectorAll(".funnel__step").ToList();
        Assert.Equal(rows.Count, steps.Count);
        Assert.Equal(["Được giới thiệu", "2"], [Words(steps[4].QuerySelector(".funnel__label")!), Words(steps[4].QuerySelector(".funnel__count")!)]);
        var counts = rows.Select(r => int.Parse(Words(r.QuerySelectorAll("td")[1]), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts, steps.Select(s => int.Parse(Words(s.QuerySelector(".funnel__count")!), CultureInfo.InvariantCulture)));
        Assert.Equal(
            rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")),
            steps.Select(s => s.QuerySelector(".funnel__label a")!.GetAttribute("href")));
        var expected = counts.Select((count, i) => i > 0 && counts[i - 1] > 0
            ? (count * 100.0 / counts[i - 1]).ToString("N1", CultureInfo.GetCultureInfo("vi-VN")) + " %"
            : "").ToList();
        Assert.Equal(expected, steps.Select(s => Words(s.QuerySelector(".funnel__conversion")!).Replace("so với bước trước: ", "", StringComparison.Ordinal)));
        Assert.Contains(expected, e => e.Length > 0);
        Assert.Contains("có thể quá 100 %", Words(section.QuerySelector(".funnel__legend")!));
    }

    [Fact]
    public async Task A_cell_without_a_quota_reads_no_quota_in_the_line()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, 2025);
        }

        var page = await (await app.SecretaryAsync(tree.CellB)).PageAsync("/");

        Assert.Equal("Còn 199 ngày, chưa có chỉ tiêu, 0 hồ sơ có thể kết nạp trong năm", Words(page.QuerySelector("#outlook")!));
    }

    /// <summary>
    /// A file admitted at the ceremony of 20/06/2025 (cell A, under a commune: no committee resolution on its path), read
    /// on 03/08/2026: step 9 of 11, probationary; the next step is the new members' course, due by the end of the
    /// probation (19/06/2026) and overdue by 45 days — the date Core's next actions give.
    /// </summary>
    [Fact]
    public async Task The_step_bar_shows_where_the_file_stands_what_comes_next_and_by_when()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var id = await app.WalkAsync(tree.CellA, "Phạm Thị Hồng", StageKind.Ceremony);
        var client = await app.StaffAsync(tree);

        var page = await client.PageAsync($"/candidates/{id}");

        var steps = page.QuerySelectorAll(".stepbar__step").ToList();
        Assert.Equal(
            ["Source", "AwarenessCourse", "Application", "HistoryVerified", "Introduced", "Opinions", "CellVoted", "AdmissionDecided", "Probation", "RecognitionVoted", "Official"],
            steps.Select(s => s.GetAttribute("data-stage")!));
        Assert.Equal(
            ["done", "done", "done", "done", "done", "done", "done", "done", "current", "next", "todo"],
            steps.Select(s => s.ClassList.Single(c => c.StartsWith("stepbar__step--", StringComparison.Ordinal))["stepbar__step--".Length..]));
        Assert.Equal("step", steps[8].GetAttribute("aria-current"));
        Assert.Equal("Đảng viên dự bị (hiện tại)", Words(steps[8].QuerySelector(".stepbar__label")!));
        Assert.Equal("Bước 9/11: Đảng viên dự bị, từ ngày 20/06/2025", Words(page.QuerySelector("#stepbar-where")!));
        var next = page.QuerySelector("#stepbar-next")!;
        Assert.Equal("Bước tiếp theo: Ghi nhận giấy chứng nhận lớp bồi dưỡng đảng viên mới quá hạn từ 19/06/2026 (45 ngày)", Words(next));
        Assert.Equal("2026-06-19", next.QuerySelector("[data-due]")!.GetAttribute("data-due"));
        Assert.Contains("due--overdue", next.QuerySelector("[data-due]")!.ClassList);

        // The same date as the file's own list of next actions.
        var firstAction = page.QuerySelector(".next-actions .next-action")!;
        Assert.Contains("19/06/2026", Words(firstAction.QuerySelector(".next-action__head")!));
    }

    [Fact]
    public async Task A_file_that_left_reads_off_the_path_and_an_official_member_reads_every_step_done()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var official = await app.WalkAsync(tree.CellA, "Phạm Thị Hồng", StageKind.RecognitionDecision);
        int left;
        await using (var db = app.Database.CreateContext())
        {
            var candidate = TinyProvince.Candidate(tree.CellA, "Đã Dừng", CandidateStage.Exited, new DateOnly(2026, 4, 1));
            candidate.History.Add(Entry(StageKind.Source, new DateOnly(2026, 1, 10)));
            candidate.History.Add(Entry(StageKind.Exit, new DateOnly(2026, 4, 1)));
            candidate.History[1].ExitReason = ExitReason.Withdrew;
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            left = candidate.Id;
        }

        var client = await app.StaffAsync(tree);

        var done = await client.PageAsync($"/candidates/{official}");
        Assert.All(done.QuerySelectorAll(".stepbar__step").SkipLast(1), s => Assert.Contains("stepbar__step--done", s.ClassList));
        Assert.Contains("stepbar__step--current", done.QuerySelectorAll(".stepbar__step").Last().ClassList);
        Assert.Equal("Đã là đảng viên chính thức: hồ sơ đã đi hết các bước.", Words(done.QuerySelector("#stepbar-next")!));

        var stopped = await client.PageAsync($"/candidates/{left}");
        Assert.Empty(stopped.QuerySelectorAll(".stepbar__step"));
        Assert.Equal("Hồ sơ không còn trên đường kết nạp: Dừng xem xét từ ngày 01/04/2026.", Words(stopped.QuerySelector("#stepbar-stopped")!));
    }

    private static Candidate Born(Candidate candidate, int year, int month, int day)
    {
        candidate.DateOfBirth = new DateOnly(year, month, day);
        return candidate;
    }

    private static StageEntry Entry(StageKind kind, DateOnly on) => new()
    {
        Kind = kind,
        EffectiveOn = on,
        RecordedBy = "test",
        RecordedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Words(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
