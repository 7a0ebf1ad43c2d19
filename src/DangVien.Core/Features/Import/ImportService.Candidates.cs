using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Reports;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace DangVien.Core.Features.Import;

public sealed partial class ImportService
{
    private static readonly Dictionary<string, GeneralEducation> Educations = new(StringComparer.Ordinal)
    {
        ["thpt"] = GeneralEducation.UpperSecondary,
        ["thcs"] = GeneralEducation.LowerSecondary,
        ["tieu_hoc"] = GeneralEducation.Primary,
        ["biet_doc_biet_viet"] = GeneralEducation.Literate,
    };

    private static readonly Dictionary<string, string> CreateColumns = new(StringComparer.Ordinal)
    {
        [nameof(CreateCandidateRequest.CellId)] = "ma_chi_bo",
        [nameof(CreateCandidateRequest.FullName)] = "ho_ten",
        [nameof(CreateCandidateRequest.DateOfBirth)] = "ngay_sinh",
        [nameof(CreateCandidateRequest.Sex)] = "gioi_tinh",
        [nameof(CreateCandidateRequest.Ethnicity)] = "dan_toc",
        [nameof(CreateCandidateRequest.Religion)] = "ton_giao",
        [nameof(CreateCandidateRequest.CitizenId)] = "so_cccd",
        [nameof(CreateCandidateRequest.GeneralEducation)] = "trinh_do_pho_thong",
        [nameof(CreateCandidateRequest.Occupation)] = "nghe_nghiep",
        [nameof(CreateCandidateRequest.Workplace)] = "noi_lam_viec",
        [nameof(CreateCandidateRequest.Phone)] = "dien_thoai",
        [nameof(CreateCandidateRequest.CategoryIds)] = "doi_tuong",
        [nameof(CreateCandidateRequest.MentorMemberId)] = "cccd_dang_vien_giup_do",
        [nameof(CreateCandidateRequest.SourcedOn)] = "ngay_tao_nguon",
    };

    /// <summary>
    /// Steps 2–12 as a row carries them, in the order they are replayed: the column whose date says the step happened,
    /// the columns of its request's fields (for messages) and the request read from the row. What each step checks and
    /// writes is its entry in <see cref="AdmissionSteps"/>, as for the forms.
    /// </summary>
    private static readonly IImportedStep[] ImportedSteps =
    [
        new ImportedStep<RecordAwarenessCourseRequest>("ngay_cap_chung_nhan", new()
        {
            [nameof(RecordAwarenessCourseRequest.CertificateNumber)] = "so_chung_nhan",
            [nameof(RecordAwarenessCourseRequest.IssuingCentre)] = "noi_cap_chung_nhan",
            [nameof(RecordAwarenessCourseRequest.IssuedOn)] = "ngay_cap_chung_nhan",
        }, row => new RecordAwarenessCourseRequest
        {
            CandidateId = row.CandidateId,
            IssuedOn = row.Values.Date("ngay_cap_chung_nhan") ?? default,
            CertificateNumber = row.Values.Text("so_chung_nhan") ?? "",
            IssuingCentre = row.Values.Text("noi_cap_chung_nhan") ?? "",
        }),
        new ImportedStep<RecordApplicationRequest>("ngay_lam_don", new()
        {
            [nameof(RecordApplicationRequest.AppliedOn)] = "ngay_lam_don",
        }, row => new RecordApplicationRequest { CandidateId = row.CandidateId, AppliedOn = row.Values.Date("ngay_lam_don") ?? default }),
        new ImportedStep<RecordHistoryVerificationRequest>("ngay_tham_tra", new()
        {
            [nameof(RecordHistoryVerificationRequest.VerifiedOn)] = "ngay_tham_tra",
            [nameof(RecordHistoryVerificationRequest.Result)] = "ket_luan_tham_tra",
        }, row => new RecordHistoryVerificationRequest
        {
            CandidateId = row.CandidateId,
            VerifiedOn = row.Values.Date("ngay_tham_tra") ?? default,
            Result = row.Values.Text("ket_luan_tham_tra") ?? "",
        }),
        new ImportedStep<RecordIntroductionRequest>("ngay_gioi_thieu", new()
        {
            [nameof(RecordIntroductionRequest.IntroducedOn)] = "ngay_gioi_thieu",
            [nameof(RecordIntroductionRequest.Introducers)] = "cccd_nguoi_gioi_thieu_1",
            ["Introducers[0].MemberId"] = "cccd_nguoi_gioi_thieu_1",
            ["Introducers[1].MemberId"] = "cccd_nguoi_gioi_thieu_2",
            ["Introducers[0].KnownSince"] = "ngay_bat_dau_cung_cong_tac",
            ["Introducers[1].KnownSince"] = "ngay_bat_dau_cung_cong_tac",
        }, row =>
        {
            var knownSince = row.Values.Date("ngay_bat_dau_cung_cong_tac", required: true) ?? default;
            var first = row.Member("cccd_nguoi_gioi_thieu_1");
            var second = row.Member("cccd_nguoi_gioi_thieu_2");
            return first is null || second is null ? null : new RecordIntroductionRequest
            {
                CandidateId = row.CandidateId,
                IntroducedOn = row.Values.Date("ngay_gioi_thieu") ?? default,
                Basis = IntroductionBasis.TwoMembers,
                Introducers = [new IntroducerInput(first.Id, knownSince), new IntroducerInput(second.Id, knownSince)],
            };
        }),
        new ImportedStep<RecordOpinionRequest>("ngay_nhan_xet", new()
        {
            [nameof(RecordOpinionRequest.ReceivedOn)] = "ngay_nhan_xet",
            [nameof(RecordOpinionRequest.Organisation)] = "to_chuc_nhan_xet",
        }, row => new RecordOpinionRequest
        {
            CandidateId = row.CandidateId,
            Form = OpinionForm.Summary,
            ReceivedOn = row.Values.Date("ngay_nhan_xet") ?? default,
            Organisation = row.Values.Text("to_chuc_nhan_xet") ?? "",
        }),
        new ImportedStep<RecordCellVoteRequest>("ngay_bieu_quyet", new()
        {
            [nameof(RecordCellVoteRequest.VotedOn)] = "ngay_bieu_quyet",
            [nameof(RecordCellVoteRequest.OfficialMembers)] = "so_dang_vien_chinh_thuc",
            [nameof(RecordCellVoteRequest.Present)] = "so_co_mat",
            [nameof(RecordCellVoteRequest.InFavour)] = "so_tan_thanh",
        }, row => new RecordCellVoteRequest
        {
            CandidateId = row.CandidateId,
            VotedOn = row.Values.Date("ngay_bieu_quyet") ?? default,
            OfficialMembers = row.Values.Number("so_dang_vien_chinh_thuc", required: true) ?? 0,
            Present = row.Values.Number("so_co_mat", required: true) ?? 0,
            InFavour = row.Values.Number("so_tan_thanh", required: true) ?? 0,
            OfficialMembersReason = AdmissionRules.ImportedRosterReason,
        }),
        new ImportedStep<RecordCommitteeResolutionRequest>("ngay_nghi_quyet_dang_uy", new()
        {
            [nameof(RecordCommitteeResolutionRequest.ResolvedOn)] = "ngay_nghi_quyet_dang_uy",
            [nameof(RecordCommitteeResolutionRequest.ResolutionNumber)] = "so_nghi_quyet_dang_uy",
        }, row => new RecordCommitteeResolutionRequest
        {
            CandidateId = row.CandidateId,
            ResolvedOn = row.Values.Date("ngay_nghi_quyet_dang_uy") ?? default,
            ResolutionNumber = row.Values.Text("so_nghi_quyet_dang_uy") ?? "",
        }),
        new ImportedStep<RecordAdmissionDecisionRequest>("ngay_quyet_dinh_ket_nap", new()
        {
            [nameof(RecordAdmissionDecisionRequest.DecidedOn)] = "ngay_quyet_dinh_ket_nap",
            [nameof(RecordAdmissionDecisionRequest.DecisionNumber)] = "so_quyet_dinh_ket_nap",
            [nameof(RecordAdmissionDecisionRequest.ReceivedOn)] = "ngay_chi_bo_nhan_quyet_dinh",
        }, row => new RecordAdmissionDecisionRequest
        {
            CandidateId = row.CandidateId,
            DecidedOn = row.Values.Date("ngay_quyet_dinh_ket_nap") ?? default,
            DecisionNumber = row.Values.Text("so_quyet_dinh_ket_nap") ?? "",
            ReceivedOn = row.Values.Date("ngay_chi_bo_nhan_quyet_dinh") ?? default,
        }),
        new ImportedStep<RecordLateCeremonyConsentRequest>("ngay_dong_y_ket_nap_cham", new()
        {
            [nameof(RecordLateCeremonyConsentRequest.ConsentedOn)] = "ngay_dong_y_ket_nap_cham",
            [nameof(RecordLateCeremonyConsentRequest.DocumentNumber)] = "so_van_ban_dong_y_ket_nap_cham",
            [nameof(RecordLateCeremonyConsentRequest.ConsentingBody)] = "cap_uy_dong_y_ket_nap_cham",
            [nameof(RecordLateCeremonyConsentRequest.Reason)] = "ly_do_ket_nap_cham",
        }, row => new RecordLateCeremonyConsentRequest
        {
            CandidateId = row.CandidateId,
            ConsentedOn = row.Values.Date("ngay_dong_y_ket_nap_cham") ?? default,
            DocumentNumber = row.Values.Text("so_van_ban_dong_y_ket_nap_cham") ?? "",
            ConsentingBody = row.Values.Text("cap_uy_dong_y_ket_nap_cham") ?? "",
            Reason = row.Values.Text("ly_do_ket_nap_cham") ?? "",
        }),
        new ImportedStep<RecordCeremonyRequest>("ngay_ket_nap", new()
        {
            [nameof(RecordCeremonyRequest.HeldOn)] = "ngay_ket_nap",
            [nameof(RecordCeremonyRequest.HelperMemberId)] = "cccd_giup_do_dang_vien_du_bi",
        }, row => row.Member("cccd_giup_do_dang_vien_du_bi") is { } helper
            ? new RecordCeremonyRequest { CandidateId = row.CandidateId, HeldOn = row.Values.Date("ngay_ket_nap") ?? default, HelperMemberId = helper.Id }
            : null),
        new ImportedStep<RecordNewMemberCourseRequest>("ngay_cap_chung_nhan_dv_moi", new()
        {
            [nameof(RecordNewMemberCourseRequest.IssuedOn)] = "ngay_cap_chung_nhan_dv_moi",
            [nameof(RecordNewMemberCourseRequest.CertificateNumber)] = "so_chung_nhan_dv_moi",
            [nameof(RecordNewMemberCourseRequest.IssuingCentre)] = "noi_cap_chung_nhan_dv_moi",
        }, row => new RecordNewMemberCourseRequest
        {
            CandidateId = row.CandidateId,
            IssuedOn = row.Values.Date("ngay_cap_chung_nhan_dv_moi") ?? default,
            CertificateNumber = row.Values.Text("so_chung_nhan_dv_moi") ?? "",
            IssuingCentre = row.Values.Text("noi_cap_chung_nhan_dv_moi") ?? "",
        }),
        new ImportedStep<RecordRecognitionVoteRequest>("ngay_xet_chinh_thuc", new()
        {
            [nameof(RecordRecognitionVoteRequest.VotedOn)] = "ngay_xet_chinh_thuc",
            [nameof(RecordRecognitionVoteRequest.OfficialMembers)] = "so_dang_vien_chinh_thuc_khi_xet",
            [nameof(RecordRecognitionVoteRequest.Present)] = "so_co_mat_khi_xet",
            [nameof(RecordRecognitionVoteRequest.InFavour)] = "so_tan_thanh_khi_xet",
            [nameof(RecordRecognitionVoteRequest.LateReason)] = "ly_do_xet_cham",
        }, row => new RecordRecognitionVoteRequest
        {
            CandidateId = row.CandidateId,
            VotedOn = row.Values.Date("ngay_xet_chinh_thuc") ?? default,
            OfficialMembers = row.Values.Number("so_dang_vien_chinh_thuc_khi_xet", required: true) ?? 0,
            Present = row.Values.Number("so_co_mat_khi_xet", required: true) ?? 0,
            InFavour = row.Values.Number("so_tan_thanh_khi_xet", required: true) ?? 0,
            OfficialMembersReason = AdmissionRules.ImportedRosterReason,
            LateReason = row.Values.Text("ly_do_xet_cham"),
        }),
        new ImportedStep<RecordRecognitionDecisionRequest>("ngay_quyet_dinh_chinh_thuc", new()
        {
            [nameof(RecordRecognitionDecisionRequest.DecidedOn)] = "ngay_quyet_dinh_chinh_thuc",
            [nameof(RecordRecognitionDecisionRequest.DecisionNumber)] = "so_quyet_dinh_chinh_thuc",
        }, row => new RecordRecognitionDecisionRequest
        {
            CandidateId = row.CandidateId,
            DecidedOn = row.Values.Date("ngay_quyet_dinh_chinh_thuc") ?? default,
            DecisionNumber = row.Values.Text("so_quyet_dinh_chinh_thuc") ?? "",
        }),
        new ImportedStep<RemoveFromListRequest>("ngay_xoa_ten", new()
        {
            [nameof(RemoveFromListRequest.RemovedOn)] = "ngay_xoa_ten",
            [nameof(RemoveFromListRequest.DecisionNumber)] = "so_quyet_dinh_xoa_ten",
            [nameof(RemoveFromListRequest.Reason)] = "ly_do_xoa_ten",
        }, row => new RemoveFromListRequest
        {
            CandidateId = row.CandidateId,
            RemovedOn = row.Values.Date("ngay_xoa_ten") ?? default,
            DecisionNumber = row.Values.Text("so_quyet_dinh_xoa_ten") ?? "",
            Reason = row.Values.Text("ly_do_xoa_ten") ?? "",
        }),
    ];

    /// <summary>
    /// A candidate file to write: the candidate, its categories, its history in order, and the member
    /// row its ceremony created (as <see cref="AdmissionService.RecordAsync{TRequest}"/> creates it).
    /// </summary>
    private sealed record NewCandidate(Candidate Candidate, IReadOnlyList<int> CategoryIds, List<StageEntry> Entries, Member? Member);

    private async Task<ImportPlan> PlanCandidatesAsync(ImportTable table, AccessScope scope, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var rows = table.Rows;

        // Everything the rows refer to, each in one query.
        var cellsByCode = await UnitsByCodeAsync(rows.Select(r => r["ma_chi_bo"]), cancellationToken);
        var cellFacts = await admission.LoadCellsAsync([.. cellsByCode.Values.Where(u => u.Kind.IsCell()).Select(u => u.Id)], cancellationToken);
        var citizenIds = rows.Select(r => r["so_cccd"]).Where(c => c.Length > 0).Distinct().ToList();
        var existingFiles = ReadableByCitizenId(await db.Candidates.AsNoTracking().Where(c => c.CitizenId != null && citizenIds.Contains(c.CitizenId))
            .Select(c => new CitizenIdPlace(c.CitizenId!, c.Cell!.Path)).ToListAsync(cancellationToken), scope);
        var memberCitizenIds = rows.SelectMany(r => new[] { r["cccd_dang_vien_giup_do"], r["cccd_nguoi_gioi_thieu_1"], r["cccd_nguoi_gioi_thieu_2"], r["cccd_giup_do_dang_vien_du_bi"], r["so_cccd"] })
            .Where(c => c.Length > 0).Distinct().ToList();
        // Members named by the rows resolve inside the user's scope only: one outside it is "not found", as in the forms.
        var members = await (await access.ReadableMembersAsync(cancellationToken))
            .Where(m => m.CitizenId != null && memberCitizenIds.Contains(m.CitizenId))
            .Select(m => new { Member = m, CellParentId = m.Cell!.ParentId })
            .ToListAsync(cancellationToken);
        var membersByCitizenId = members.GroupBy(m => m.Member.CitizenId!)
            .ToDictionary(g => g.Key, g => new MemberFacts(g.OrderBy(m => m.Member.LeftOn is null ? 0 : 1).First().Member, g.First().CellParentId), StringComparer.Ordinal);
        var membersById = membersByCitizenId.Values.ToDictionary(m => m.Id);
        var heldByMembers = (await db.Members.AsNoTracking().Where(m => m.CitizenId != null && citizenIds.Contains(m.CitizenId))
            .Select(m => m.CitizenId!).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var categories = await db.SourceCategories.AsNoTracking().Where(s => s.IsActive)
            .ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var activeCategoryIds = categories.Values.ToHashSet();
        var calendar = await calendarService.GetWorkingDayCalendarAsync(cancellationToken);
        var parametersOf = await parameterReader.GetAdmissionParameterResolverAsync(cancellationToken);
        var today = time.Today();
        var now = time.GetUtcNow();
        var recordedBy = access.User.Name;

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = new List<NewCandidate>();
        var frozenByCell = new Dictionary<int, IReadOnlyList<int>>();
        var existing = 0;

        foreach (var row in rows)
        {
            var before = errors.Count;
            var values = new ImportValues(row, errors);
            var citizenId = values.Text("so_cccd", required: true);
            if (citizenId is not null && seen.TryGetValue(citizenId, out var earlier))
            {
                values.Error("so_cccd", CoreText.Format("Import.DuplicateCitizenId", citizenId, earlier));
                continue;
            }

            if (citizenId is not null)
            {
                seen[citizenId] = row.Number;
                if (existingFiles.TryGetValue(citizenId, out var readable))
                {
                    // The natural key: a file for this person exists (imported before, or entered in the app). One
                    // outside the user's scope is not theirs to count: the number is only unusable.
                    if (readable)
                    {
                        existing++;
                    }
                    else
                    {
                        values.Error("so_cccd", AdmissionRules.CitizenIdUnusable(citizenId));
                    }

                    continue;
                }
            }

            // ---- step 1: the file itself (tạo nguồn), with the create form's validator and rules.
            var cell = WritableUnit(values, "ma_chi_bo", values.Text("ma_chi_bo", required: true), cellsByCode, scope, CoreText.Get("Import.WhatCell"));
            var mentor = MemberByCitizenId(values, "cccd_dang_vien_giup_do", membersByCitizenId, required: true);
            var categoryIds = new List<int>();
            foreach (var code in (values.Text("doi_tuong", required: true) ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (categories.TryGetValue(code, out var categoryId))
                {
                    categoryIds.Add(categoryId);
                }
                else
                {
                    values.Error("doi_tuong", CoreText.Format("Import.NoActiveCategory", code));
                }
            }

            var request = new CreateCandidateRequest
            {
                CellId = cell?.Id ?? 0,
                FullName = values.Text("ho_ten", required: true) ?? "",
                DateOfBirth = values.Date("ngay_sinh", required: true) ?? default,
                Sex = values.Sex("gioi_tinh") ?? Sex.Male,
                Ethnicity = values.Text("dan_toc") ?? "Kinh",
                Religion = values.Text("ton_giao"),
                CitizenId = citizenId,
                GeneralEducation = values.Choice("trinh_do_pho_thong", Educations, required: false, GeneralEducation.UpperSecondary) ?? GeneralEducation.UpperSecondary,
                Occupation = values.Text("nghe_nghiep"),
                Workplace = values.Text("noi_lam_viec"),
                Phone = values.Text("dien_thoai"),
                CategoryIds = categoryIds,
                MentorMemberId = mentor?.Id ?? 0,
                SourcedOn = values.Date("ngay_tao_nguon", required: true) ?? default,
            };
            var facts = cell is null ? null : cellFacts.GetValueOrDefault(cell.Id);
            var context = new RuleContext(today, calendar, cell is null ? AdmissionParameters.Default : parametersOf(cell.Path));
            var found = validators.For<CreateCandidateRequest>().Validate(request).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
            if (cell is not null && facts is not null)
            {
                // The rules too, on the fields whose shape is right, so the row lists every reason at once (as a form's check does).
                var refused = found.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
                found.AddRange(RulesOn(refused, () => AdmissionRules.CheckCreate(request, facts, mentor, activeCategoryIds,
                    openFile: null, member: citizenId is null ? null : MemberHolding(citizenId, membersByCitizenId, heldByMembers), context)));
            }

            ReportOnce(values, before, errors, CreateColumns, found, "ngay_tao_nguon");
            if (facts is null || request.SourcedOn == default)
            {
                // Without the cell or the first date there is no history to check the later steps on.
                continue;
            }

            var candidate = new Candidate
            {
                Id = int.MaxValue - row.Number,
                FullName = request.FullName.Trim(),
                DateOfBirth = request.DateOfBirth,
                Sex = request.Sex,
                Ethnicity = request.Ethnicity.Trim(),
                Religion = request.Religion,
                CitizenId = citizenId,
                GeneralEducation = request.GeneralEducation,
                Occupation = request.Occupation,
                Workplace = request.Workplace,
                Phone = request.Phone,
                CellId = request.CellId,
                MentorMemberId = request.MentorMemberId,
                CreatedAt = now,
            };
            var entries = new List<StageEntry>();
            var source = new StageEntry
            {
                Id = 1, CandidateId = candidate.Id, Kind = StageKind.Source, EffectiveOn = request.SourcedOn, RecordedBy = recordedBy, RecordedAt = now,
            };
            AdmissionSteps.WriteSource(source, request.CellId, request.MentorMemberId, null, CoreText.InVietnamese(() => CoreText.Get("Import.SourceNote")));
            entries.Add(source);

            // ---- steps 2–12, each checked by its request's validator and its rule on the history so far.
            var file = new CandidateFacts(candidate.Id, candidate.FullName, candidate.DateOfBirth, candidate.GeneralEducation, citizenId, facts!, null,
                new CandidateHistory(entries));
            var replay = new HistoryReplay(validators, values, errors, candidate, file, entries, membersByCitizenId, membersById, context, recordedBy, now);
            foreach (var step in ImportedSteps)
            {
                if (!step.ReplayOn(replay))
                {
                    break;
                }
            }

            // Nothing dated inside a frozen year of the cell (or a unit above it) is imported.
            if (!frozenByCell.TryGetValue(request.CellId, out var frozen))
            {
                frozenByCell[request.CellId] = frozen = await FrozenYears.AllFrozenAsync(db, request.CellId, cancellationToken);
            }

            if (entries.FirstOrDefault(e => frozen.Contains(e.EffectiveOn.Year)) is { } inFrozenYear)
            {
                values.Error(inFrozenYear.Kind == StageKind.Source ? "ngay_tao_nguon" : ImportedSteps.First(s => s.Kind == inFrozenYear.Kind).DateColumn,
                    FrozenYears.Message(inFrozenYear.EffectiveOn.Year));
            }

            if (errors.Count > before)
            {
                continue;
            }

            (candidate.Stage, candidate.StageSince) = StageProjection.Derive(entries);
            planned.Add(new NewCandidate(candidate, categoryIds, entries, replay.Admitted));
        }

        return new ImportPlan(errors, existing, planned.Count, (connection, ct) => WriteCandidatesAsync(connection, planned, ct));
    }

    /// <summary>A step as a row carries it (<see cref="ImportedSteps"/>), whatever its request type.</summary>
    private interface IImportedStep
    {
        /// <summary>The column whose date says the step happened.</summary>
        string DateColumn { get; }

        /// <summary>The history entry the step writes.</summary>
        StageKind Kind { get; }

        /// <summary>Replays the step when the row has its date; false when the row failed and the replay stops.</summary>
        bool ReplayOn(HistoryReplay replay);
    }

    private sealed record ImportedStep<TRequest>(string DateColumn, Dictionary<string, string> Columns, Func<HistoryReplay, TRequest?> Read)
        : IImportedStep
        where TRequest : class, ICandidateRequest
    {
        public StageKind Kind => AdmissionSteps.For<TRequest>().Kind;

        public bool ReplayOn(HistoryReplay replay) => replay.Replay(this);
    }

    /// <summary>
    /// One row's history replayed step by step through <see cref="AdmissionSteps"/>: each step's validator and rule
    /// check on the history so far, then its entry and effects, exactly as <see cref="AdmissionService.RecordAsync{TRequest}"/>
    /// records them one at a time. A step that fails is reported and still added to the history, so the steps after it are
    /// checked too and the row lists every failing step; the replay stops only where a step cannot be read into a request
    /// (a member not found) or has no date, as nothing after it could be checked.
    /// </summary>
    private sealed class HistoryReplay(
        RequestValidators validators, ImportValues values, List<ImportError> errors, Candidate candidate, CandidateFacts file,
        List<StageEntry> entries, Dictionary<string, MemberFacts> membersByCitizenId, Dictionary<int, MemberFacts> membersById,
        RuleContext context, string recordedBy, DateTimeOffset now)
    {
        public ImportValues Values => values;

        public int CandidateId => candidate.Id;

        /// <summary>The member row the ceremony created, if the row reaches it.</summary>
        public Member? Admitted { get; private set; }

        /// <summary>The member a column names by citizen ID (required): an error on the column when there is none in the user's scope.</summary>
        public MemberFacts? Member(string column) => MemberByCitizenId(values, column, membersByCitizenId, required: true);

        public bool Replay<TRequest>(ImportedStep<TRequest> imported)
            where TRequest : class, ICandidateRequest
        {
            if (!values.Has(imported.DateColumn))
            {
                return true;
            }

            var stepStart = errors.Count;
            var request = imported.Read(this);
            if (request is null)
            {
                return false;
            }

            var step = AdmissionSteps.For<TRequest>();
            var stepErrors = validators.For<TRequest>().Validate(request).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
            if (errors.Count == stepStart)
            {
                // A value that could not be read stands in as empty: the rules would only echo it on other fields.
                var refused = stepErrors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
                stepErrors.AddRange(RulesOn(refused, () => step.Check(new StepCheck<TRequest>(file, request, membersById, null, context))));
            }

            ReportOnce(values, stepStart, errors, imported.Columns, stepErrors, imported.DateColumn);
            if (errors.Count > stepStart && step.DateOf(request) == default)
            {
                return false;
            }

            var entry = new StageEntry
            {
                Id = entries.Count + 1, CandidateId = candidate.Id, Kind = step.Kind, EffectiveOn = step.DateOf(request), RecordedBy = recordedBy, RecordedAt = now,
            };
            step.Write(entry, request, file);
            entries.Add(entry);
            if (step.Effect is { } effect)
            {
                var write = new StepWrite<TRequest>(candidate, request, entry, Admitted);
                effect(write);
                Admitted = write.Member;
            }

            file = file with { History = new CandidateHistory(entries) };
            return true;
        }
    }

    /// <summary>
    /// The rules' errors on the fields whose shape is right (<paramref name="refused"/> are the shape's), as a form's check
    /// gives them: a rule that needs a field the shape refused may throw, and its errors are already there.
    /// </summary>
    private static IEnumerable<FieldError> RulesOn(HashSet<string> refused, Func<IReadOnlyList<FieldError>> rules)
    {
        IReadOnlyList<FieldError> ruled;
        try
        {
            ruled = rules();
        }
        catch (Exception e) when (refused.Count > 0 && e is ArgumentException or InvalidOperationException or OverflowException)
        {
            ruled = [];
        }

        return ruled.Where(e => !refused.Contains(e.Field) && (refused.Count == 0 || e.Field.Length > 0));
    }

    /// <summary>The member holding a row's own citizen ID: named when the user may see them, otherwise only the fact.</summary>
    private static CitizenIdHolder? MemberHolding(string citizenId, Dictionary<string, MemberFacts> readable, HashSet<string> held) =>
        readable.TryGetValue(citizenId, out var member) ? new CitizenIdHolder(member.Name, null)
        : held.Contains(citizenId) ? CitizenIdHolder.Unseen
        : null;

    /// <summary>A member named by citizen ID in a column; an error on the column when there is none.</summary>
    private static MemberFacts? MemberByCitizenId(ImportValues values, string column, Dictionary<string, MemberFacts> members, bool required)
    {
        if (values.Text(column, required) is not { } citizenId)
        {
            return null;
        }

        if (members.TryGetValue(citizenId, out var member))
        {
            return member;
        }

        values.Error(column, CoreText.Format("Import.MemberNotFound", citizenId));
        return null;
    }

    private static async Task<int> WriteCandidatesAsync(Npgsql.NpgsqlConnection connection, List<NewCandidate> planned, CancellationToken cancellationToken)
    {
        var candidateIds = await NextIdsAsync(connection, "candidates", planned.Count, cancellationToken);
        var entryIds = await NextIdsAsync(connection, "stage_entries", planned.Sum(p => p.Entries.Count), cancellationToken);
        var introducerIds = await NextIdsAsync(connection, "introducers", planned.Sum(p => p.Entries.Sum(e => e.Introducers.Count)), cancellationToken);
        int nextEntry = 0, nextIntroducer = 0;
        for (var i = 0; i < planned.Count; i++)
        {
            var (candidate, _, entries, member) = planned[i];
            candidate.Id = (int)candidateIds[i];
            if (member is not null)
            {
                member.CandidateId = candidate.Id;
            }
            foreach (var entry in entries)
            {
                entry.Id = entryIds[nextEntry++];
                entry.CandidateId = candidate.Id;
                if (entry.Vote is { } vote)
                {
                    vote.StageEntryId = entry.Id;
                }

                foreach (var introducer in entry.Introducers)
                {
                    introducer.Id = introducerIds[nextIntroducer++];
                    introducer.StageEntryId = entry.Id;
                }
            }
        }

        await BulkWriter.CopyCandidatesAsync(connection, planned.Select(p => p.Candidate), cancellationToken);

        await BulkWriter.CopyAsync(connection, "candidate_categories (candidate_id, source_category_id)",
            planned.SelectMany(p => p.CategoryIds.Select(id => (CandidateId: p.Candidate.Id, CategoryId: id))),
            static async (w, cc, ct) =>
            {
                await w.WriteAsync(cc.CandidateId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(cc.CategoryId, NpgsqlDbType.Integer, ct);
            }, cancellationToken);

        var allEntries = planned.SelectMany(p => p.Entries).ToList();
        await BulkWriter.CopyHistoryAsync(connection, allEntries, cancellationToken);

        // The members the ceremonies created, linked to their files (the same row the ceremony step adds).
        await BulkWriter.CopyMembersAsync(connection, planned.Where(p => p.Member is not null).Select(p => p.Member!),
            withIds: false, withCandidate: true, cancellationToken);
        return planned.Count;
    }
}
