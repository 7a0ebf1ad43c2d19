using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

/// <summary>Where a form of the dossier stands.</summary>
public enum DossierStatus
{
    /// <summary>Recorded in the history (an uncorrected entry).</summary>
    Present = 0,

    /// <summary>The file has reached the step that needs it and it is not recorded.</summary>
    Missing = 1,

    /// <summary>The file has not reached the step that needs it.</summary>
    NotNeededYet = 2,

    /// <summary>Not part of this file's dossier (e.g. 8-KNĐ for a cell not under a grassroots committee).</summary>
    NotApplicable = 3,

    /// <summary>Due, but the application has no step that records this form: whether the paper is in the file is not known here.</summary>
    NotTracked = 4,
}

/// <summary>One line of the checklist: the form(s), what it is, its status and the date of the entry that holds it.</summary>
public sealed record DossierItem(string FormCode, string Title, DossierStatus Status, DateOnly? Date, string? Detail = null)
{
    public string StatusLabel => Status switch
    {
        DossierStatus.Present => CoreText.Get("Dossier.Present"),
        DossierStatus.Missing => CoreText.Get("Dossier.Missing"),
        DossierStatus.NotNeededYet => CoreText.Get("Dossier.NotNeededYet"),
        DossierStatus.NotTracked => CoreText.Get("Dossier.NotTracked"),
        _ => CoreText.Get("Dossier.NotApplicable"),
    };
}

/// <summary>
/// The dossier forms of DOMAIN.md (1-KNĐ … 15-KNĐ) from the history alone. A form is present only when an
/// uncorrected entry of the step that produces exactly that paper holds it: each opinion form (5-KNĐ, 5B-KNĐ, 5C-KNĐ)
/// by an opinion recorded on that form. It is missing once the file has reached the step that needs it: the
/// admission dossier (1, 2, 3, 5, 5B, 5C-KNĐ) from the awareness certificate on (it is what the cell votes on);
/// 6-KNĐ once that dossier holds an application, an introduction and an opinion; 8-KNĐ (only under a grassroots
/// committee) after a passed cell vote; 9-KNĐ after the cell vote and 8-KNĐ; 13-KNĐ once the 12 months of probation
/// have ended; 15-KNĐ after a passed recognition vote. The self-review (10-KNĐ), the helper's review (11-KNĐ) and the
/// opinions on the probationary member (12-KNĐ) have no step of their own: once probation has ended they read
/// <see cref="DossierStatus.NotTracked"/>, never present, since nothing recorded says they were handed in.
/// A file that has left (exit, removal) needs nothing more.
/// </summary>
public static class DossierChecklist
{
    public static IReadOnlyList<DossierItem> For(CandidateHistory history, bool needsCommitteeResolution, DateOnly asOf)
    {
        var (stage, _) = history.Stage;
        var closed = stage is CandidateStage.Exited or CandidateStage.Removed;
        var application = history.Application;
        var introduction = history.Introduction;
        var opinions = history.OfKind(StageKind.Opinion).ToList();
        var vote = history.PassedCellVote;
        var committee = history.CommitteeResolution;
        var decision = history.AdmissionDecision;
        var ceremony = history.Ceremony;
        var recognitionVote = history.PassedRecognitionVote;
        var recognition = history.RecognitionDecision;

        var admissionDossierDue = history.Has(StageKind.AwarenessCourse) || vote is not null || decision is not null;
        var dossierComplete = application is not null && introduction is not null && opinions.Count > 0;
        var probationEnded = ceremony is not null && AdmissionRules.ProbationLastDay(ceremony.EffectiveOn) < asOf;

        DossierItem Item(string code, string title, StageEntry? entry, bool due, string? detail = null) =>
            new(code, title, entry is not null ? DossierStatus.Present : due && !closed ? DossierStatus.Missing : DossierStatus.NotNeededYet, entry?.EffectiveOn, detail);

        DossierItem Opinion(OpinionForm form, string title)
        {
            var code = AdmissionLabels.FormCodeOf(form);
            var entry = opinions.FirstOrDefault(o => o.FormCode == code);
            return Item(code, title, entry, admissionDossierDue, entry?.Issuer);
        }

        DossierItem Untracked(string code, string title, bool due) =>
            due && !closed
                ? new(code, title, DossierStatus.NotTracked, null, CoreText.Get("Dossier.UntrackedNote"))
                : new(code, title, DossierStatus.NotNeededYet, null);

        var youthUnion = introduction?.IntroductionBasis == IntroductionBasis.YouthUnion;
        var items = new List<DossierItem>
        {
            Item("1-KNĐ", CoreText.Get("Dossier.Form1"), application, admissionDossierDue),
            Item("2-KNĐ", CoreText.Get("Dossier.Form2"), history.HistoryVerification, admissionDossierDue,
                application is not null && history.HistoryVerification is null ? CoreText.Get("Dossier.HistoryNotVerified") : null),
            Item("3-KNĐ", CoreText.Get("Dossier.Form3"), introduction, admissionDossierDue,
                introduction?.IntroductionBasis is { } basis ? AdmissionLabels.Of(basis) : null),
            introduction is null
                ? new DossierItem("4-KNĐ", CoreText.Get("Dossier.Form4"), DossierStatus.NotNeededYet, null, CoreText.Get("Dossier.OnlyYouthUnion"))
                : youthUnion
                    ? new DossierItem("4-KNĐ", CoreText.Get("Dossier.Form4"), DossierStatus.Present, introduction.EffectiveOn)
                    : new DossierItem("4-KNĐ", CoreText.Get("Dossier.Form4"), DossierStatus.NotApplicable, null, CoreText.Get("Dossier.NotYouthUnion")),
            Opinion(OpinionForm.Summary, CoreText.Get("Dossier.Form5")),
            Opinion(OpinionForm.ResidenceCommittee, CoreText.Get("Dossier.Form5B")),
            Opinion(OpinionForm.Organisation, CoreText.Get("Dossier.Form5C")),
            Item("6-KNĐ", CoreText.Get("Dossier.Form6"), vote, dossierComplete || decision is not null),
            needsCommitteeResolution
                ? Item("8-KNĐ", CoreText.Get("Dossier.Form8"), committee, vote is not null)
                : new DossierItem("8-KNĐ", CoreText.Get("Dossier.Form8"), DossierStatus.NotApplicable, null, CoreText.Get("Dossier.NoGrassrootsCommittee")),
            Item("9-KNĐ", CoreText.Get("Dossier.Form9"), decision, vote is not null && (!needsCommitteeResolution || committee is not null)),
            Untracked("10-KNĐ", CoreText.Get("Dossier.Form10"), probationEnded),
            Untracked("11-KNĐ", CoreText.Get("Dossier.Form11"), probationEnded),
            Untracked("12-KNĐ", CoreText.Get("Dossier.Form12"), probationEnded),
            Item("13-KNĐ", CoreText.Get("Dossier.Form13"), recognitionVote, probationEnded),
            Item("15-KNĐ", CoreText.Get("Dossier.Form15"), recognition, recognitionVote is not null),
        };
        return items;
    }
}
