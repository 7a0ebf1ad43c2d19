using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Testing;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>The table of steps: complete, one row per action and per request, each request with its validator.</summary>
public sealed class AdmissionStepsTests
{
    [Fact]
    public void Every_action_on_a_file_but_the_correction_is_one_step()
    {
        var actions = AdmissionSteps.All.Select(s => s.Action).ToList();

        Assert.Equal(actions.Count, actions.Distinct().Count());
        Assert.Equal(Enum.GetValues<AdmissionAction>().Where(a => a != AdmissionAction.CorrectEntry).Order(), actions.Order());
        Assert.Null(AdmissionSteps.Of(AdmissionAction.CorrectEntry));
    }

    [Fact]
    public void Every_step_has_its_own_request_with_a_validator_from_DI_and_its_own_kind_of_entry()
    {
        Assert.Equal(AdmissionSteps.All.Count, AdmissionSteps.All.Select(s => s.RequestType).Distinct().Count());
        Assert.Equal(AdmissionSteps.All.Count, AdmissionSteps.All.Select(s => s.Kind).Distinct().Count());
        var forRequest = typeof(CoreValidators).GetMethod(nameof(CoreValidators.For))!;
        foreach (var step in AdmissionSteps.All)
        {
            Assert.NotNull(forRequest.MakeGenericMethod(step.RequestType).Invoke(null, null));
            Assert.NotEqual(StageKind.Source, step.Kind);
        }
    }

    [Fact]
    public void Only_the_cells_own_votes_and_opinions_may_be_recorded_by_its_secretary()
    {
        var cellSteps = AdmissionSteps.All.Where(s => s.Recorder == StepRecorder.Cell).Select(s => s.Action).Order();

        Assert.Equal(
            [AdmissionAction.RecordOpinion, AdmissionAction.RecordCellVote, AdmissionAction.RecordRecognitionVote],
            cellSteps);
        Assert.True(AdmissionSteps.IsCellStep(AdmissionAction.RecordCellVote));
        Assert.False(AdmissionSteps.IsCellStep(AdmissionAction.RecordAdmissionDecision));
        Assert.False(AdmissionSteps.IsCellStep(AdmissionAction.CorrectEntry));
    }

    [Fact]
    public void A_request_that_is_no_step_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AdmissionSteps.For<CorrectEntryRequest>());

        Assert.Contains(nameof(CorrectEntryRequest), error.Message);
    }

    [Fact]
    public void A_vote_passes_at_exactly_two_thirds_of_the_official_members()
    {
        Assert.True(AdmissionSteps.Vote(officialMembers: 30, present: 28, inFavour: 20).Passed);
        Assert.False(AdmissionSteps.Vote(officialMembers: 30, present: 28, inFavour: 19).Passed);
    }
}
