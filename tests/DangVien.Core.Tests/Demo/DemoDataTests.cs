using System.Text;
using DangVien.Core.Common;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Core.Tests.Demo;

/// <summary>The demo province, loaded once, read by every test: its shape and the Party's rules in its histories.</summary>
public sealed class DemoDataTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Demo_has_one_province_six_communes_and_forty_cells()
    {
        await using var db = demo.Database.CreateContext();

        var kinds = await db.OrgUnits.GroupBy(u => u.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        Assert.Equal(1, kinds[OrgUnitKind.Province]);
        Assert.Equal(6, kinds[OrgUnitKind.CommuneCommittee]);
        Assert.Equal(40, kinds.GetValueOrDefault(OrgUnitKind.GrassrootsCell) + kinds.GetValueOrDefault(OrgUnitKind.Cell));
        Assert.True(kinds.GetValueOrDefault(OrgUnitKind.Cell) > 0, "some cells sit under grassroots committees");
        Assert.True(kinds.GetValueOrDefault(OrgUnitKind.GrassrootsCommittee) > 0);
        Assert.Equal(40, demo.Counts.Cells);
    }

    [Fact]
    public async Task Tree_follows_province_commune_grassroots_cell_with_one_placement_per_unit()
    {
        await using var db = demo.Database.CreateContext();
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Id);
        var placements = await db.OrgUnitPlacements.ToListAsync();

        foreach (var unit in units.Values)
        {
            var parentKind = unit.ParentId is { } parentId ? units[parentId].Kind : (OrgUnitKind?)null;
            OrgUnitKind? expected = unit.Kind switch
            {
                OrgUnitKind.Province => null,
                OrgUnitKind.CommuneCommittee => OrgUnitKind.Province,
                OrgUnitKind.GrassrootsCommittee or OrgUnitKind.GrassrootsCell => OrgUnitKind.CommuneCommittee,
                _ => OrgUnitKind.GrassrootsCommittee,
            };
            Assert.Equal(expected, parentKind);
            Assert.Equal(unit.Kind == OrgUnitKind.CommuneCommittee, unit.HasAdmissionAuthority);
            var path = unit.ParentId is { } p ? $"{(string)units[p].Path}.{unit.Id}" : unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(path, (string)unit.Path);
            var placement = Assert.Single(placements, pl => pl.OrgUnitId == unit.Id);
            Assert.Equal((unit.ParentId, (string)unit.Path, unit.ValidFrom), (placement.ParentId, (string)placement.Path, placement.ValidFrom));
        }
    }

    [Fact]
    public async Task Demo_has_about_1500_members_and_a_few_hundred_candidates_in_every_stage()
    {
        await using var db = demo.Database.CreateContext();

        var active = await db.Members.CountAsync(m => m.AdmittedOn <= DemoDatabase.Today && (m.LeftOn == null || m.LeftOn > DemoDatabase.Today));
        var stages = await db.Candidates.GroupBy(c => c.Stage).Select(g => g.Key).ToListAsync();
        var candidates = await db.Candidates.CountAsync();

        Assert.InRange(active, 1_350, 1_650);
        Assert.Equal(active, demo.Counts.ActiveMembers);
        Assert.InRange(candidates, 250, 700);
        Assert.Equal(candidates, demo.Counts.Candidates);
        Assert.Equal(Enum.GetValues<CandidateStage>().Order(), stages.Order());
        Assert.True(await db.Members.AnyAsync(m => m.Status == MemberStatus.Left), "some members left");
        Assert.True(await db.Members.AnyAsync(m => m.Status == MemberStatus.Probationary && m.CandidateId != null));
    }

    [Fact]
    public async Task Admissions_spread_over_the_last_five_years()
    {
        await using var db = demo.Database.CreateContext();

        var perYear = await db.StageEntries.Where(e => e.Kind == StageKind.AdmissionDecision)
            .GroupBy(e => e.EffectiveOn.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Year, g => g.Count);

        for (var year = 2022; year <= 2026; year++)
        {
            Assert.InRange(perYear.GetValueOrDefault(year), 25, 90);
        }
    }

    [Fact]
    public async Task Reference_data_holds_the_sixteen_source_categories_other_and_the_default_rules()
    {
        await using var db = demo.Database.CreateContext();

        var codes = await db.SourceCategories.OrderBy(s => s.SortOrder).Select(s => s.Code).ToListAsync();
        var rules = await db.RuleParameters.Where(r => r.OrgUnitId == null).ToDictionaryAsync(r => r.Key, r => r.Value);

        Assert.Equal(DefaultSourceCategories.All.Select(c => c.Code), codes);
        Assert.Equal(17, codes.Count);
        Assert.Equal(DefaultSourceCategories.Other, codes[^1]);
        Assert.Equal(60, rules[RuleKeys.CertificateValidityMonths]);
        Assert.Equal(12, rules[RuleKeys.DossierRenewalMonths]);
        Assert.Equal(0, rules[RuleKeys.AdmissionCountingDate]);
    }

    [Fact]
    public async Task Every_stored_stage_equals_the_projection_of_the_history()
    {
        await using var db = demo.Database.CreateContext();
        var candidates = await db.Candidates.AsNoTracking().Include(c => c.History).ThenInclude(e => e.Vote).AsSplitQuery().ToListAsync();

        Assert.NotEmpty(candidates);
        foreach (var candidate in candidates)
        {
            Assert.Equal(StageProjection.Derive(candidate.History), (candidate.Stage, candidate.StageSince));
        }
    }

    [Fact]
    public async Task Every_passed_cell_vote_has_two_thirds_of_the_official_members_in_favour()
    {
        var votes = await demo.ScalarAsync("SELECT count(*) FROM cell_votes WHERE passed");
        var tooFew = await demo.ScalarAsync("SELECT count(*) FROM cell_votes WHERE passed AND in_favour * 3 < official_members * 2");
        var wronglyFailed = await demo.ScalarAsync("SELECT count(*) FROM cell_votes WHERE NOT passed AND in_favour * 3 >= official_members * 2");

        Assert.True(votes > 100);
        Assert.Equal(0, tooFew);
        Assert.Equal(0, wronglyFailed);
    }

    [Fact]
    public async Task Official_members_of_a_vote_are_the_cells_official_members_that_day()
    {
        var mismatches = await demo.ScalarAsync(
            """
            SELECT count(*) FROM cell_votes v JOIN stage_entries e ON e.id = v.stage_entry_id
            WHERE v.official_members <> (
                SELECT count(*) FROM members m
                WHERE m.cell_id = e.unit_id AND m.recognised_on <= e.effective_on
                  AND (m.left_on IS NULL OR m.left_on > e.effective_on)
                  AND m.candidate_id IS DISTINCT FROM e.candidate_id)
            """);

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public async Task Every_introducer_was_an_official_member_of_the_cell_known_for_twelve_months()
    {
        var introducers = await demo.ScalarAsync("SELECT count(*) FROM introducers");
        var wrong = await demo.ScalarAsync(
            """
            SELECT count(*) FROM introducers i
            JOIN stage_entries e ON e.id = i.stage_entry_id
            JOIN candidates c ON c.id = e.candidate_id
            JOIN members m ON m.id = i.member_id
            WHERE m.recognised_on IS NULL OR m.recognised_on > e.effective_on
               OR (m.left_on IS NOT NULL AND m.left_on <= e.effective_on)
               OR m.cell_id <> c.cell_id
               OR (NOT i.is_replacement AND i.known_since > (e.effective_on - interval '12 months')::date)
            """);
        var wrongCount = await demo.ScalarAsync(
            """
            SELECT count(*) FROM stage_entries e
            WHERE e.kind = 5 AND (SELECT count(*) FROM introducers i WHERE i.stage_entry_id = e.id)
                  <> CASE e.introduction_basis WHEN 0 THEN 2 ELSE 1 END
            """);

        Assert.True(introducers > 100);
        Assert.Equal(0, wrong);
        Assert.Equal(0, wrongCount);
    }

    [Fact]
    public async Task Candidates_are_between_18_and_60_in_whole_months_at_every_cell_vote()
    {
        await using var db = demo.Database.CreateContext();
        var votes = await db.StageEntries.Where(e => e.Kind == StageKind.CellVote)
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { e.EffectiveOn, c.DateOfBirth })
            .ToListAsync();

        Assert.NotEmpty(votes);
        foreach (var vote in votes)
        {
            // Whole years: the birthday this year has come, or not.
            var years = vote.EffectiveOn.Year - vote.DateOfBirth.Year;
            if (vote.EffectiveOn < vote.DateOfBirth.AddYears(years))
            {
                years--;
            }

            Assert.InRange(years, 18, 59);
        }
    }

    [Fact]
    public async Task Deadlines_hold_and_nothing_is_dated_after_today()
    {
        var checks = new Dictionary<string, string>
        {
            ["certificate older than 60 months at a vote"] =
                "SELECT count(*) FROM stage_entries v JOIN stage_entries a ON a.candidate_id = v.candidate_id AND a.kind = 2 WHERE v.kind = 9 AND a.effective_on <= (v.effective_on - interval '60 months')::date",
            ["decision later than 40 days after the vote"] =
                "SELECT count(*) FROM stage_entries d WHERE d.kind = 11 AND d.effective_on > (SELECT max(v.effective_on) FROM stage_entries v WHERE v.candidate_id = d.candidate_id AND v.kind = 9) + 40",
            ["ceremony more than 20 days after the decision reached the cell"] =
                "SELECT count(*) FROM stage_entries c JOIN stage_entries d ON d.candidate_id = c.candidate_id AND d.kind = 11 WHERE c.kind = 14 AND (d.received_on IS NULL OR c.effective_on < d.received_on OR c.effective_on > d.received_on + 20)",
            ["recognition not effective 12 months after the ceremony"] =
                "SELECT count(*) FROM stage_entries r JOIN stage_entries c ON c.candidate_id = r.candidate_id AND c.kind = 14 WHERE r.kind = 17 AND r.effective_on <> (c.effective_on + interval '12 months')::date",
            ["entry after today"] =
                "SELECT count(*) FROM stage_entries WHERE effective_on > DATE '2026-11-23' OR received_on > DATE '2026-11-23' OR (recorded_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > DATE '2026-11-23'",
            ["member date after today"] =
                "SELECT count(*) FROM members WHERE admitted_on > DATE '2026-11-23' OR recognised_on > DATE '2026-11-23' OR left_on > DATE '2026-11-23'",
            ["admitted member out of step with the file"] =
                "SELECT count(*) FROM members m JOIN candidates c ON c.id = m.candidate_id WHERE (c.stage = 100) <> (m.status = 1) OR (c.stage = 110) <> (m.status = 2)",
            ["duplicate citizen id"] =
                "SELECT (SELECT count(*) - count(DISTINCT citizen_id) FROM candidates) + (SELECT count(*) - count(DISTINCT citizen_id) FROM members)",
            ["citizen id not 12 digits"] =
                "SELECT count(*) FROM candidates WHERE citizen_id !~ '^[0-9]{12}$'",
            ["cell without a quota in a year"] =
                "SELECT count(*) FROM org_units u CROSS JOIN generate_series(2022, 2026) y WHERE u.kind IN (4, 5) AND NOT EXISTS (SELECT 1 FROM quotas q WHERE q.org_unit_id = u.id AND q.year = y AND q.total >= 1)",
        };

        var failures = new List<string>();
        foreach (var (name, sql) in checks)
        {
            if (await demo.ScalarAsync(sql) is var count and > 0)
            {
                failures.Add($"{name}: {count}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_generated_file_passes_the_timeline_check_of_AdmissionRules()
    {
        await using var db = demo.Database.CreateContext();
        var time = new FixedTime(DemoDatabase.Today);
        var service = new AdmissionService(db, new CalendarService(db), new RuleParameterReader(db),
            new CurrentAccess(new SystemUser(), db, time), CoreValidators.All, time, NullLogger<AdmissionService>.Instance);

        var problems = await service.CheckTimelinesAsync();

        Assert.True(await db.Candidates.CountAsync() > 300);
        Assert.True(problems.Count == 0, $"{problems.Count} problems, first:\n{string.Join("\n", problems.Take(10).Select(p => $"{p.CandidateId}: {p.Message}"))}");
    }

    [Fact]
    public async Task Names_are_Vietnamese_text_in_composed_form()
    {
        await using var db = demo.Database.CreateContext();
        var names = await db.Candidates.Select(c => c.FullName).Concat(db.Members.Select(m => m.FullName)).Concat(db.OrgUnits.Select(u => u.Name)).ToListAsync();

        Assert.All(names, n => Assert.True(n.IsNormalized(NormalizationForm.FormC), n));
        Assert.Contains(names, n => n.StartsWith("Nguyễn ", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("Chi bộ thôn ", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("Đảng bộ xã ", StringComparison.Ordinal));
    }
}
