using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Dashboard;

namespace DangVien.Core.Tests.Features.Dashboard;

/// <summary>The conversion between funnel stages, and the stages of a file's path, without a database.</summary>
public sealed class FunnelConversionTests
{
    [Fact]
    public void Standing_counts_convert_through_those_who_reached_each_stage()
    {
        // Reached: 10, 6, 4, 4, 0 — every later stage passed through the earlier ones.
        var ratios = FunnelConversion.OfStanding([4, 2, 0, 4, 0]);

        Assert.Equal([null, 0.6, 4 / 6.0, 1.0, 0.0], ratios);
    }

    [Fact]
    public void A_stage_after_an_empty_one_has_no_ratio()
    {
        Assert.Equal([null, null, null], FunnelConversion.OfStanding([0, 0, 0]));
        Assert.Equal([null, null, 2.0], FunnelConversion.OfReached([0, 3, 6]));
        Assert.Empty(FunnelConversion.OfReached([]));
    }

    [Fact]
    public void Counts_of_a_year_are_not_one_cohort_and_can_pass_a_hundred_percent()
    {
        Assert.Equal([null, 1.5, 1 / 3.0], FunnelConversion.OfReached([2, 3, 1]));
    }

    [Fact]
    public void A_files_path_has_the_committee_resolution_only_under_a_grassroots_committee()
    {
        var commune = AdmissionRules.PathStages(needsCommitteeResolution: false);
        var grassroots = AdmissionRules.PathStages(needsCommitteeResolution: true);

        Assert.Equal(CandidateStage.Source, commune[0]);
        Assert.Equal(CandidateStage.Official, commune[^1]);
        Assert.DoesNotContain(CandidateStage.CommitteeResolved, commune);
        Assert.Equal(CandidateStage.CommitteeResolved, grassroots[commune.ToList().IndexOf(CandidateStage.AdmissionDecided)]);
        Assert.Equal(commune.Count + 1, grassroots.Count);
        Assert.DoesNotContain(CandidateStage.Exited, grassroots);
        Assert.DoesNotContain(CandidateStage.Removed, grassroots);
    }
}
