using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;

namespace DangVien.Core.Features.Papers;

/// <summary>A paper the party organisation issues at a step of the procedure, drafted from the file (docs/PAPERS.md).</summary>
public enum PaperKind
{
    /// <summary>5C-KNĐ: the summary of the organisations' opinions on the applicant, beside each opinion recorded.</summary>
    OpinionSummary = 0,

    /// <summary>6-KNĐ: the cell's resolution proposing admission, beside a passed cell vote.</summary>
    CellResolution = 1,

    /// <summary>7-KNĐ: the grassroots committee's appraisal, beside its resolution.</summary>
    CommitteeAppraisal = 2,

    /// <summary>8-KNĐ: the grassroots committee's resolution proposing admission.</summary>
    CommitteeResolution = 3,

    /// <summary>9-KNĐ: the admission decision.</summary>
    AdmissionDecision = 4,

    /// <summary>12-KNĐ: the summary of opinions on the probationary member, beside a passed recognition vote.</summary>
    ProbationOpinionSummary = 5,

    /// <summary>13-KNĐ: the cell's resolution proposing recognition, beside a passed recognition vote.</summary>
    RecognitionCellResolution = 6,

    /// <summary>14-KNĐ: the grassroots committee's resolution proposing recognition, beside the recognition decision where the cell has one.</summary>
    RecognitionCommitteeResolution = 7,

    /// <summary>15-KNĐ: the decision recognising the official member.</summary>
    RecognitionDecision = 8,
}

/// <summary>Which papers a step produces, their form codes and the short names used in links.</summary>
public static class PaperForms
{
    public static IReadOnlyList<PaperKind> All { get; } = Enum.GetValues<PaperKind>();

    /// <summary>The form code, e.g. "8-KNĐ".</summary>
    public static string Code(PaperKind kind) => Slug(kind) + PaperText.Get("FormSuffix");

    /// <summary>The form number without the suffix ("5C", "8"): what the links and the batch form carry.</summary>
    public static string Slug(PaperKind kind) => kind switch
    {
        PaperKind.OpinionSummary => "5C",
        PaperKind.CellResolution => "6",
        PaperKind.CommitteeAppraisal => "7",
        PaperKind.CommitteeResolution => "8",
        PaperKind.AdmissionDecision => "9",
        PaperKind.ProbationOpinionSummary => "12",
        PaperKind.RecognitionCellResolution => "13",
        PaperKind.RecognitionCommitteeResolution => "14",
        _ => "15",
    };

    /// <summary>The kind of a slug ("8", "5c", "8-KNĐ"); null for anything else.</summary>
    public static PaperKind? Parse(string? text)
    {
        var slug = text?.Trim();
        if (string.IsNullOrEmpty(slug))
        {
            return null;
        }

        var dash = slug.IndexOf('-', StringComparison.Ordinal);
        slug = dash > 0 ? slug[..dash] : slug;
        return All.Cast<PaperKind?>().FirstOrDefault(k => string.Equals(Slug(k!.Value), slug, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The step whose entries produce the paper.</summary>
    public static StageKind StepOf(PaperKind kind) => kind switch
    {
        PaperKind.OpinionSummary => StageKind.Opinion,
        PaperKind.CellResolution => StageKind.CellVote,
        PaperKind.CommitteeAppraisal or PaperKind.CommitteeResolution => StageKind.CommitteeResolution,
        PaperKind.AdmissionDecision => StageKind.AdmissionDecision,
        PaperKind.ProbationOpinionSummary or PaperKind.RecognitionCellResolution => StageKind.RecognitionVote,
        _ => StageKind.RecognitionDecision,
    };

    /// <summary>
    /// The papers an entry of the file produces: none for a corrected entry or a failed vote (the cell proposes nothing);
    /// the grassroots committee's papers on recognition only where the cell sits under one (the file's path has step 7).
    /// </summary>
    public static IReadOnlyList<PaperKind> Of(CandidateFile file, TimelineEntry entry)
    {
        if (entry.IsSuperseded || (entry.Vote is { Passed: false }))
        {
            return [];
        }

        var underCommittee = file.Path.Contains(CandidateStage.CommitteeResolved);
        return entry.Kind switch
        {
            StageKind.Opinion => [PaperKind.OpinionSummary],
            StageKind.CellVote => [PaperKind.CellResolution],
            StageKind.CommitteeResolution => [PaperKind.CommitteeAppraisal, PaperKind.CommitteeResolution],
            StageKind.AdmissionDecision => [PaperKind.AdmissionDecision],
            StageKind.RecognitionVote => [PaperKind.ProbationOpinionSummary, PaperKind.RecognitionCellResolution],
            StageKind.RecognitionDecision => underCommittee ? [PaperKind.RecognitionCommitteeResolution, PaperKind.RecognitionDecision] : [PaperKind.RecognitionDecision],
            _ => [],
        };
    }
}
