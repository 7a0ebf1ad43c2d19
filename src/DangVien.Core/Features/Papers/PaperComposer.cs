using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;

namespace DangVien.Core.Features.Papers;

/// <summary>A unit as a paper names it: its name, kind and the name of the unit above it.</summary>
public sealed record PaperUnit(int Id, string Name, OrgUnitKind Kind, string? ParentName);

/// <summary>The units a file's papers name: the cell, the grassroots committee above it (if any) and the deciding unit.</summary>
public sealed record PaperUnits(PaperUnit Cell, PaperUnit? Committee, PaperUnit? Deciding);

/// <summary>
/// Writes the text of a paper from the file as the user sees it (<see cref="CandidateFile"/>, personal data already
/// masked by <see cref="PersonalDataPolicy"/>): a hidden or unrecorded fact becomes a bracketed placeholder for the
/// staff. The vote's outcome is the one recorded; its share comes from <see cref="AdmissionRules.VoteShare"/>. Pure.
/// </summary>
public static class PaperComposer
{
    public static PaperDraft Compose(PaperKind kind, CandidateFile file, TimelineEntry entry, PaperUnits units) =>
        CoreText.InVietnamese(() => kind switch
        {
            PaperKind.OpinionSummary => OpinionSummary(file, entry, units),
            PaperKind.CellResolution => CellResolution(file, entry, units),
            PaperKind.CommitteeAppraisal => CommitteeAppraisal(file, entry, units),
            PaperKind.CommitteeResolution => CommitteeResolution(file, entry, units),
            PaperKind.AdmissionDecision => AdmissionDecision(file, entry, units),
            PaperKind.ProbationOpinionSummary => ProbationOpinionSummary(file, entry, units),
            PaperKind.RecognitionCellResolution => RecognitionCellResolution(file, entry, units),
            PaperKind.RecognitionCommitteeResolution => RecognitionCommitteeResolution(file, entry, units),
            _ => RecognitionDecision(file, entry, units),
        });

    private static PaperDraft OpinionSummary(CandidateFile file, TimelineEntry entry, PaperUnits units)
    {
        var opinions = file.Timeline.Where(e => e.Kind == StageKind.Opinion && !e.IsSuperseded).ToList();
        var body = new List<PaperParagraph> { new(PaperText.Format("F5C.Intro", units.Cell.Name, file.FullName)) };
        body.AddRange(Person(file));
        body.Add(new(PaperText.Get("F5C.Received"), PaperParagraphStyle.Heading));
        body.AddRange(opinions.Select(o => new PaperParagraph(PaperText.Format(
            "F5C.Opinion", Or(o.Issuer, "Placeholder.Organisation"), o.FormCode ?? "", o.EffectiveOn.Display(),
            string.IsNullOrWhiteSpace(o.Note) ? PaperText.Get("Placeholder.OpinionContent") : o.Note))));
        body.Add(new(PaperText.Get("F5C.Conclusion")));
        return CellPaper(PaperKind.OpinionSummary, file, entry, units, "Placeholder.Number", entry.EffectiveOn, "F5C.Title", "F5C.Subtitle", body,
            [PaperText.Format("Recipients.Report", Above(units)), PaperText.Get("Recipients.CellArchive")]);
    }

    private static PaperDraft CellResolution(CandidateFile file, TimelineEntry entry, PaperUnits units)
    {
        var body = new List<PaperParagraph> { new(PaperText.Format("F6.Intro", entry.EffectiveOn.Display(), units.Cell.Name, file.FullName)) };
        body.AddRange(Person(file));
        body.AddRange(Introduction(file));
        body.Add(new(PaperText.Get("F6.Review")));
        body.AddRange(Vote(entry));
        body.Add(new(PaperText.Get("Resolves"), PaperParagraphStyle.Heading));
        body.Add(new(PaperText.Format("F6.Proposal", Above(units), file.FullName)));
        return CellPaper(PaperKind.CellResolution, file, entry, units, "Placeholder.NumberCell", entry.EffectiveOn, "Title.Resolution", "F6.Subtitle", body,
            [PaperText.Format("Recipients.Report", Above(units)), PaperText.Get("Recipients.CellArchive")]);
    }

    private static PaperDraft CommitteeAppraisal(CandidateFile file, TimelineEntry entry, PaperUnits units)
    {
        var committee = units.Committee ?? units.Deciding ?? units.Cell;
        var vote = PassedVote(file, StageKind.CellVote);
        var body = new List<PaperParagraph> { new(PaperText.Format("F7.Intro", Committee(committee), units.Cell.Name, file.FullName)) };
        body.AddRange(Person(file));
        body.AddRange(Dossier(file));
        body.AddRange(Introduction(file));
        if (vote is not null)
        {
            body.Add(new(PaperText.Format("F7.CellVote", Or(vote.DocumentNumber, "Placeholder.NumberCell"), vote.EffectiveOn.Display(), units.Cell.Name)));
            body.AddRange(Vote(vote));
        }

        body.Add(new(PaperText.Get("F7.Conclusion")));
        return Paper(PaperKind.CommitteeAppraisal, file, entry, committee, PaperText.Get("Placeholder.NumberAppraisal"), entry.EffectiveOn,
            "F7.Title", "F7.Subtitle", body, OnBehalfOf(committee), PaperText.Get("Placeholder.SignerTitle"),
            [PaperText.Format("Recipients.Standing", Committee(committee)), PaperText.Get("Recipients.Archive")]);
    }

    private static PaperDraft CommitteeResolution(CandidateFile file, TimelineEntry entry, PaperUnits units)
    {
        var committee = units.Committee ?? units.Deciding ?? units.Cell;
        var vote = PassedVote(file, StageKind.CellVote);
        var body = new List<PaperParagraph>
        {
            new(PaperText.Format("F8.Intro", entry.EffectiveOn.Display(), Committee(committee), units.Cell.Name, file.FullName)),
        };
        body.AddRange(Person(file));
        if (vote is not null)
        {
            body.Add(new(PaperText.Format("F7.CellVote", Or(vote.DocumentNumber, "Placeholder.NumberCell"), vote.EffectiveOn.Display(), units.Cell.Name)));
            body.AddRange(Vote(vote));
        }

        body.Add(new(PaperText.Get("F8.CommitteeVote")));
        body.Add(new(PaperText.Get("Resolves"), PaperParagraphStyle.Heading));
        body.Add(new(PaperText.Format("F8.Proposal", Deciding(units), file.FullName)));
        return Paper(PaperKind.CommitteeResolution, file, entry, committee, Number(entry, "Placeholder.NumberCommittee"), entry.EffectiveOn,
            "Title.Resolution", "F6.Subtitle", body, OnBehalfOf(committee), PaperText.Get("Sign.Secretary"),
            [PaperText.Format("Recipients.Report", Deciding(units)), PaperText.Format("Recipients.Cell", units.Cell.Name), PaperText.Get("Recipients.Archive")]);
    }

    private static PaperDraft AdmissionDecision(CandidateFile file, TimelineEntry entry, PaperUnits units)
    {
        var deciding = units.Deciding ?? units.Committee ?? units.Cell;
        var vote = PassedVote(file, StageKind.CellVote);
        var resolution = Standing(file, StageKind.CommitteeResolution);
        var body = new List<PaperParagraph>
        {
            new(PaperText.Get("Basis.Statute"), PaperParagraphStyle.Basis),
            new(PaperText.Get("Basis.Rules"), PaperParagraphStyle.Basis),
        };
        if (vote is not null)
        {
            body.Add(new(PaperText.Format("Basis.CellResolution", Or(vote.DocumentNumber, "Placeholder.NumberCell"), vote.EffectiveOn.Display(), units.Cell.Name), PaperParagraphStyle.Basis));
        }

        if (resolution is not null && units.Committee is { } committee)
        {
            body.Add(new(PaperText.Format("Basis.CommitteeResolution", Or(resolution.DocumentNumber, "Placeholder.NumberCommittee"), resolution.EffectiveOn.Display(), Committee(committee)), PaperParagraphStyle.Basis));
        }

        body.Add(new(PaperText.Get("Basis.Proposal"), PaperParagraphStyle.Basis));
        body.Add(new(PaperText.Format("Decides", Upper(Committee(deciding))), PaperParagraphStyle.Heading));
        body.Add(new(PaperText.Format("F9.Article1", file.FullName, Born(file), Or(file.HomeTown, "Placeholder.HomeTown"), units.Cell.Name)));
        body.Add(new(PaperText.Format("F9.Article2", file.FullName)));
        body.Add(new(PaperText.Format("F9.Article3", units.Cell.Name, file.FullName)));
        return Paper(PaperKind.AdmissionDecision, file, entry, deciding, Number(entry, "Placeholder.NumberDecision"), entry.DocumentDate ?? entry.EffectiveOn,
            "Title.Decision", "F9.Subtitle", body, OnBehalfOf(deciding), PaperText.Get("Sign.Secretary"),
            [PaperText.Get("Recipients.AsArticle3"), PaperText.Get("Recipients.Archive")]);
    }

    private static PaperDraft ProbationOpinionSummary(CandidateFile file, TimelineEntry entry, PaperUnits units)
    {
        var ceremony = Standing(file, StageKind.Ceremony);
        var body = new List<PaperParagraph> { new(PaperText.Format("F12.Intro", units.Cell.Name, file.FullName)) };
        body.Add(new(PaperText.Format("Probation.Line", ceremony?.EffectiveOn.Display() ?? PaperText.Get("Placeholder.Date"),
            ceremony is null ? PaperText.Get("Placeholder.Date") : AdmissionRules.ProbationLastDay(ceremony.EffectiveOn).Display())));
        body.Add(new(PaperText.Get("F12.Opinions")));
        body.Add(new(PaperText.Get("F5C.Conclusion")));
        return CellPaper(PaperKind.ProbationOpinionSummary, file, entry, units, "Placeholder.Number", entry.EffectiveOn, "F5C.Title", "F12.Subtitle", body,
            [PaperText.Format("Recipients.Report", Above(units)), PaperText.Get("Recipients.CellArchive")]);
    }

    private static PaperDraft RecognitionCellResolution(CandidateFile file, TimelineEntry entry, PaperUnits units)
    {
        var body = new List<PaperParagraph> { new(PaperText.Format("F13.Intro", entry.EffectiveOn.Display(), units.Cell.Name, file.FullName)) };
        body.AddRange(Admitted(file, units));
        if (Standing(file, StageKind.Ceremony)?.Member is { } helper)
        {
            body.Add(new(PaperText.Format("People.Helper", helper.FullName)));
        }

        body.Add(new(PaperText.Get("F13.Review")));
        body.AddRange(Vote(entry));
        if (!string.IsNullOrWhiteSpace(entry.Note))
        {
            body.Add(new(PaperText.Format("F13.Late", entry.Note)));
        }

        body.Add(new(PaperText.Get("Resolves"), PaperParagraphStyle.Heading));
        body.Add(new(PaperText.Format("F13.Proposal", Above(units), file.FullName, Official(file))));
        return CellPaper(PaperKind.RecognitionCellResolution, file, entry, units, "Placeholder.NumberCell", entry.EffectiveOn, "Title.Resolution", "F13.Subtitle", body,
            [PaperText.Format("Recipients.Report", Above(units)), PaperText.Get("Recipients.CellArchive")]);
    }

    private static PaperDraft RecognitionCommitteeResolution(CandidateFile file, TimelineEntry entry, PaperUnits units)
    {
        var committee = units.Committee ?? units.Deciding ?? units.Cell;
        var vote = PassedVote(file, StageKind.RecognitionVote);
        var body = new List<PaperParagraph> { new(PaperText.Format("F14.Intro", Committee(committee), units.Cell.Name, file.FullName)) };
        body.AddRange(Admitted(file, units));
        if (vote is not null)
        {
            body.Add(new(PaperText.Format("F14.CellVote", Or(vote.DocumentNumber, "Placeholder.NumberCell"), vote.EffectiveOn.Display(), units.Cell.Name)));
            body.AddRange(Vote(vote));
        }

        body.Add(new(PaperText.Get("F8.CommitteeVote")));
        body.Add(new(PaperText.Get("Resolves"), PaperParagraphStyle.Heading));
        body.Add(new(PaperText.Format("F14.Proposal", Deciding(units), file.FullName, Official(file))));
        return Paper(PaperKind.RecognitionCommitteeResolution, file, entry, committee, PaperText.Get("Placeholder.NumberCommittee"), null,
            "Title.Resolution", "F13.Subtitle", body, OnBehalfOf(committee), PaperText.Get("Sign.Secretary"),
            [PaperText.Format("Recipients.Report", Deciding(units)), PaperText.Format("Recipients.Cell", units.Cell.Name), PaperText.Get("Recipients.Archive")]);
    }

    private static PaperDraft RecognitionDecision(CandidateFile file, TimelineEntry entry, PaperUnits units)
    {
        var deciding = units.Deciding ?? units.Committee ?? units.Cell;
        var vote = PassedVote(file, StageKind.RecognitionVote);
        var body = new List<PaperParagraph>
        {
            new(PaperText.Get("Basis.Statute"), PaperParagraphStyle.Basis),
            new(PaperText.Get("Basis.Rules"), PaperParagraphStyle.Basis),
        };
        if (vote is not null)
        {
            body.Add(new(PaperText.Format("Basis.RecognitionResolution", Or(vote.DocumentNumber, "Placeholder.NumberCell"), vote.EffectiveOn.Display(), units.Cell.Name), PaperParagraphStyle.Basis));
        }

        body.Add(new(PaperText.Get("Basis.Proposal"), PaperParagraphStyle.Basis));
        body.Add(new(PaperText.Format("Decides", Upper(Committee(deciding))), PaperParagraphStyle.Heading));
        body.Add(new(PaperText.Format("F15.Article1", file.FullName, Born(file), units.Cell.Name, entry.EffectiveOn.Display())));
        body.Add(new(PaperText.Format("F15.Article2", units.Cell.Name, file.FullName)));
        return Paper(PaperKind.RecognitionDecision, file, entry, deciding, Number(entry, "Placeholder.NumberDecision"), entry.DocumentDate ?? entry.EffectiveOn,
            "Title.Decision", "F15.Subtitle", body, OnBehalfOf(deciding), PaperText.Get("Sign.Secretary"),
            [PaperText.Get("Recipients.AsArticle2"), PaperText.Get("Recipients.Archive")]);
    }

    // ------------------------------------------------------------ parts

    private static PaperDraft CellPaper(
        PaperKind kind, CandidateFile file, TimelineEntry entry, PaperUnits units, string numberPlaceholder, DateOnly date, string title, string subtitle,
        IReadOnlyList<PaperParagraph> body, IReadOnlyList<string> recipients) =>
        Paper(kind, file, entry, units.Cell, kind is PaperKind.CellResolution or PaperKind.RecognitionCellResolution ? Number(entry, numberPlaceholder) : PaperText.Get(numberPlaceholder),
            date, title, subtitle, body, OnBehalfOf(units.Cell), PaperText.Get("Sign.Secretary"), recipients);

    private static PaperDraft Paper(
        PaperKind kind, CandidateFile file, TimelineEntry entry, PaperUnit issuer, string number, DateOnly? date, string title, string subtitle,
        IReadOnlyList<PaperParagraph> body, string onBehalf, string signatureTitle, IReadOnlyList<string> recipients) => new()
        {
            Kind = kind,
            CandidateId = file.Id,
            CandidateName = file.FullName,
            EntryId = entry.Id,
            UpperUnit = issuer.ParentName is { } parent ? Upper(parent) : null,
            IssuingUnit = Upper(issuer.Kind.IsCell() ? issuer.Name : Committee(issuer)),
            NumberLine = PaperText.Format("NumberLine", number),
            PlaceDateLine = date is { } day
                ? PaperText.Format("PlaceDate", PaperText.Get("Placeholder.Place"), day.Day.ToString("00", PaperText.Culture), day.Month.ToString("00", PaperText.Culture), day.Year.ToString("0000", PaperText.Culture))
                : PaperText.Format("PlaceDate", PaperText.Get("Placeholder.Place"), "[...]", "[...]", "[...]"),
            Title = PaperText.Get(title),
            Subtitle = PaperText.Get(subtitle),
            Body = body,
            SignatureOnBehalf = onBehalf,
            SignatureTitle = signatureTitle,
            Signer = PaperText.Get("Placeholder.Signer"),
            Recipients = recipients,
        };

    /// <summary>The applicant's personal data, as the user may see it.</summary>
    private static IEnumerable<PaperParagraph> Person(CandidateFile file)
    {
        yield return new(PaperText.Format("Person.Name", file.FullName, VietnameseNames.Of(file.Sex), Born(file)));
        yield return new(PaperText.Format("Person.Origins", Or(file.Ethnicity, "Placeholder.Ethnicity"), Or(file.Religion, "Placeholder.Religion"), Or(file.HomeTown, "Placeholder.HomeTown")));
        yield return new(PaperText.Format("Person.Residence", Or(file.Address, "Placeholder.Address")));
        yield return new(PaperText.Format("Person.Work", Or(file.Occupation, "Placeholder.Occupation"), Or(file.Workplace, "Placeholder.Workplace")));
        yield return new(PaperText.Format("Person.Education", AdmissionLabels.Of(file.GeneralEducation), Or(file.ProfessionalQualification, "Placeholder.None"), Or(file.PoliticalTheory, "Placeholder.None")));
    }

    /// <summary>"ngày 12/04/2000", or "năm 2000" when the user may not see the date of birth.</summary>
    private static string Born(CandidateFile file) =>
        file.DateOfBirth is { } born ? PaperText.Format("Person.BornOn", born.Display()) : PaperText.Format("Person.BornIn", file.BirthYear);

    private static IEnumerable<PaperParagraph> Introduction(CandidateFile file)
    {
        if (file.Introducers.Count > 0)
        {
            yield return new(PaperText.Format("People.Introducers", string.Join(PaperText.Get("People.And"), file.Introducers.Select(i => i.FullName))));
        }

        if (file.Mentor is { } mentor)
        {
            yield return new(PaperText.Format("People.Mentor", mentor.FullName));
        }
    }

    /// <summary>The admission dossier the committee appraises: certificate, application, history verification.</summary>
    private static IEnumerable<PaperParagraph> Dossier(CandidateFile file)
    {
        if (Standing(file, StageKind.AwarenessCourse) is { } course)
        {
            yield return new(PaperText.Format("Dossier.Course", Or(course.DocumentNumber, "Placeholder.Number"), course.EffectiveOn.Display(), Or(course.Issuer, "Placeholder.Organisation")));
        }

        if (Standing(file, StageKind.Application) is { } application)
        {
            yield return new(PaperText.Format("Dossier.Application", application.EffectiveOn.Display()));
        }

        if (Standing(file, StageKind.HistoryVerification) is { } verification)
        {
            yield return new(PaperText.Format("Dossier.Verification", verification.EffectiveOn.Display(), Or(verification.Note, "Placeholder.VerificationResult")));
        }
    }

    /// <summary>The official members, present, in favour, the share and the recorded outcome.</summary>
    private static IEnumerable<PaperParagraph> Vote(TimelineEntry entry)
    {
        if (entry.Vote is not { } vote)
        {
            yield break;
        }

        yield return new(PaperText.Format("Vote.Figures", vote.OfficialMembers, vote.Present, vote.InFavour, AdmissionRules.VoteShare(vote.OfficialMembers, vote.InFavour)));
        yield return new(PaperText.Get(vote.Passed ? "Vote.Passed" : "Vote.Failed"));
    }

    /// <summary>When and by which decision the member was admitted, and when probation ends.</summary>
    private static IEnumerable<PaperParagraph> Admitted(CandidateFile file, PaperUnits units)
    {
        var decision = Standing(file, StageKind.AdmissionDecision);
        var ceremony = Standing(file, StageKind.Ceremony);
        yield return new(PaperText.Format("Admitted.Line", ceremony?.EffectiveOn.Display() ?? PaperText.Get("Placeholder.Date"),
            Or(decision?.DocumentNumber, "Placeholder.NumberDecision"), decision?.EffectiveOn.Display() ?? PaperText.Get("Placeholder.Date"),
            Deciding(units)));
        yield return new(PaperText.Format("Probation.Line", ceremony?.EffectiveOn.Display() ?? PaperText.Get("Placeholder.Date"),
            ceremony is null ? PaperText.Get("Placeholder.Date") : AdmissionRules.ProbationLastDay(ceremony.EffectiveOn).Display()));
    }

    /// <summary>The committee that decides admissions for the cell.</summary>
    private static string Deciding(PaperUnits units) => units.Deciding is { } deciding ? Committee(deciding) : PaperText.Get("Placeholder.Unit");

    private static string Official(CandidateFile file) => file.OfficialFrom?.Display() ?? PaperText.Get("Placeholder.Date");

    private static TimelineEntry? Standing(CandidateFile file, StageKind kind) =>
        file.Timeline.FirstOrDefault(e => e.Kind == kind && !e.IsSuperseded);

    private static TimelineEntry? PassedVote(CandidateFile file, StageKind kind) =>
        file.Timeline.LastOrDefault(e => e.Kind == kind && !e.IsSuperseded && e.Vote is { Passed: true });

    /// <summary>The unit the cell's papers go up to: the grassroots committee above it, else the deciding unit.</summary>
    private static string Above(PaperUnits units) =>
        units.Committee is { } committee ? Committee(committee) : units.Deciding is { } deciding ? Committee(deciding) : PaperText.Get("Placeholder.Unit");

    /// <summary>The committee that speaks for a party organisation: "Đảng bộ xã Tân Lập" is led by "Đảng ủy xã Tân Lập".</summary>
    private static string Committee(PaperUnit unit)
    {
        var organisation = PaperText.Get("Unit.Organisation");
        return !unit.Kind.IsCell() && unit.Name.StartsWith(organisation, StringComparison.OrdinalIgnoreCase)
            ? PaperText.Get("Unit.Committee") + unit.Name[organisation.Length..]
            : unit.Name;
    }

    /// <summary>"T/M CHI BỘ", "T/M ĐẢNG ỦY" or, for a committee above the grassroots, "T/M BAN THƯỜNG VỤ".</summary>
    private static string OnBehalfOf(PaperUnit unit) => PaperText.Get(unit.Kind switch
    {
        OrgUnitKind.Cell or OrgUnitKind.GrassrootsCell => "Sign.Cell",
        OrgUnitKind.GrassrootsCommittee => "Sign.Committee",
        _ => "Sign.Standing",
    });

    private static string Number(TimelineEntry entry, string placeholder) =>
        entry.DocumentNumber is { Length: > 0 } number ? number : PaperText.Get(placeholder);

    private static string Or(string? value, string placeholder) =>
        string.IsNullOrWhiteSpace(value) ? PaperText.Get(placeholder) : value;

    private static string Upper(string text) => text.ToUpper(PaperText.Culture);
}
