using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Features.Import;
using DangVien.Core.Features.Reports;
using DangVien.Core.Features.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DangVien.Web.Endpoints.Api;

/// <summary>A page of a list: the items, the page asked for, its size and the total count.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, int PageCount);

/// <summary>A candidate as the API lists it: <see cref="DateOfBirth"/> null where the user sees only <see cref="BirthYear"/>.</summary>
public sealed record ApiCandidateItem(int Id, string FullName, DateOnly? DateOfBirth, int BirthYear, Sex Sex, int CellId, string CellName, CandidateStage Stage, string StageLabel, DateOnly StageSince);

/// <summary>One step of a candidate's history.</summary>
public sealed record ApiHistoryEntry(long Id, StageKind Kind, string Title, DateOnly EffectiveOn, string? FormCode, string? DocumentNumber, string? Detail, bool IsSuperseded);

/// <summary>
/// A candidate file, personal data as the file page shows it (<c>PersonalDataPolicy</c>): the fields of a group the
/// user may not see are null and the group is named in <see cref="HiddenFields"/> (BirthDate, CitizenId, Contact,
/// Origins, Family), so a hidden value is told apart from one never recorded.
/// </summary>
public sealed record ApiCandidate(
    int Id, string FullName, DateOnly? DateOfBirth, int BirthYear, Sex Sex, string? Ethnicity, string? CitizenId, string? FamilyBackground,
    bool ShowsPersonalData, IReadOnlyList<string> HiddenFields,
    int CellId, string CellName, CandidateStage Stage, string StageLabel, DateOnly StageSince, IReadOnlyList<string> Categories,
    IReadOnlyList<ApiHistoryEntry> History);

/// <summary>What an import found and did (see docs/IMPORT.md).</summary>
public sealed record ApiImportResult(
    string Kind, string Mode, int TotalRows, int ValidRows, int ExistingRows, int BadRows, bool Committed, int Written, long ElapsedMilliseconds,
    IReadOnlyList<ImportError> Errors);

/// <summary>
/// The JSON API under <c>/api</c> (docs/API.md). Authenticated by a personal token or the sign-in
/// cookie (<see cref="ApiAuthentication"/>); every read goes through the same scoped services as the
/// pages, so a unit or candidate outside the user's scope answers 404. Writes (imports) need the token:
/// a cookie alone cannot be used to write, so another site cannot forge one from the user's browser.
/// </summary>
public static class ApiEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapDangVienApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .RequireAuthorization(ApiAuthentication.Policy)
            .DisableAntiforgery()
            .WithTags("DangVien")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/units", ListUnitsAsync).WithName("ListUnits").WithSummary("Các tổ chức đảng bạn được xem (phân trang)");
        api.MapGet("/units/{id:int}", GetUnitAsync).WithName("GetUnit").WithSummary("Một tổ chức đảng");
        api.MapGet("/units/{id:int}/alerts", ListAlertsAsync).WithName("ListAlerts").WithSummary("Cảnh báo hạn của các hồ sơ trong đơn vị (phân trang)");
        api.MapGet("/units/{id:int}/reports/{year:int}", GetReportAsync).WithName("GetYearlyReport")
            .WithSummary("Báo cáo năm của đơn vị: số liệu, phễu, tỷ lệ chuyển đổi của nhóm trong năm (cohort)");
        api.MapGet("/units/{id:int}/reports/trend", GetTrendAsync).WithName("GetReportTrend")
            .WithSummary("Báo cáo nhiều năm của đơn vị: từng năm, theo đối tượng nguồn, tỷ lệ chuyển đổi trong kỳ");
        api.MapGet("/units/{id:int}/quotas/{year:int}", ApiQuotas.GetAsync).WithName("GetQuotas")
            .WithSummary("Bảng chỉ tiêu kết nạp của đơn vị trong năm: chỉ tiêu của đơn vị và các đơn vị trực thuộc, kèm phiên bản để ghi");
        api.MapPut("/units/{id:int}/quotas/{year:int}", ApiQuotas.PutAsync).WithName("PutQuotas")
            .WithSummary("Giao chỉ tiêu năm cho các đơn vị trực thuộc (hoặc chỉ tiêu của chính đơn vị cấp cao nhất); cần mã truy cập");
        api.MapGet("/categories", ApiQuotas.ListCategoriesAsync).WithName("ListCategories").WithSummary("Danh mục đối tượng nguồn");
        api.MapGet("/candidates", ListCandidatesAsync).WithName("ListCandidates").WithSummary("Hồ sơ người vào Đảng trong đơn vị (phân trang)");
        api.MapGet("/candidates/{id:int}", GetCandidateAsync).WithName("GetCandidate").WithSummary("Một hồ sơ (dữ liệu cá nhân che theo quyền)");
        api.MapPost("/import/{kind}", ImportAsync).WithName("Import").WithSummary("Nhập tệp CSV/XLSX: kiểm tra hoặc ghi (cần mã truy cập)")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ApiImportResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<ApiPage<UnitListItem>>, BadRequestProblem>> ListUnitsAsync(
        OrgUnitService units, int? parent, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (parent is { } parentId && ApiProblems.BadId(parentId, "parent") is { } bad)
        {
            return bad;
        }

        var list = await units.ListReadableAsync(parent, SupportedRange.Page(page ?? 1), Size(pageSize), cancellationToken);
        return TypedResults.Ok(new ApiPage<UnitListItem>(list.Items, list.Page, list.PageSize, list.TotalCount, list.PageCount));
    }

    private static async Task<Results<Ok<UnitListItem>, NotFoundProblem, BadRequestProblem>> GetUnitAsync(
        OrgUnitService units, int id, CancellationToken cancellationToken)
    {
        if (ApiProblems.BadId(id) is { } bad)
        {
            return bad;
        }

        return await units.GetReadableAsync(id, cancellationToken) is { } unit ? TypedResults.Ok(unit) : ApiProblems.NotFound();
    }

    private static async Task<Results<Ok<ApiPage<Alert>>, NotFoundProblem, BadRequestProblem>> ListAlertsAsync(
        OrgUnitService units, AlertService alerts, TimeProvider time, int id, string? date, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (ApiProblems.BadId(id) is { } bad)
        {
            return bad;
        }

        if (await units.GetReadableAsync(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound();
        }

        var asOf = time.Today();
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return ApiProblems.BadRequest(UiText.Get("Api.DateFormat"));
        }

        if (!SupportedRange.IsDate(asOf))
        {
            return ApiProblems.BadRequest(SupportedRange.DateMessage);
        }

        var all = await alerts.GetAlertsAsync(id, asOf, cancellationToken);
        var size = Size(pageSize);
        var number = SupportedRange.Page(page ?? 1);
        return TypedResults.Ok(new ApiPage<Alert>([.. all.Skip((number - 1) * size).Take(size)], number, size, all.Count, (all.Count + size - 1) / size));
    }

    private static async Task<Results<Ok<YearlyReport>, NotFoundProblem, BadRequestProblem>> GetReportAsync(
        YearlyReportService reports, int id, int year, CancellationToken cancellationToken)
    {
        if ((ApiProblems.BadId(id) ?? ApiProblems.BadYear(year)) is { } bad)
        {
            return bad;
        }

        return await reports.GetAsync(id, year, cancellationToken) is { } report ? TypedResults.Ok(report) : ApiProblems.NotFound();
    }

    private static async Task<Results<Ok<ReportTrend>, NotFoundProblem, BadRequestProblem>> GetTrendAsync(
        YearlyReportService reports, int id, int? from, int? to, CancellationToken cancellationToken)
    {
        if (ApiProblems.BadId(id) is { } bad)
        {
            return bad;
        }

        if (from is null || to is null)
        {
            return ApiProblems.BadRequest(UiText.Get("Api.TrendNeedsYears"));
        }

        if ((ApiProblems.BadYear(from.Value) ?? ApiProblems.BadYear(to.Value)) is { } badYear)
        {
            return badYear;
        }

        if (from > to || to - from + 1 > YearlyReportService.MaxTrendYears)
        {
            return ApiProblems.BadRequest(UiText.Format("Api.TrendSpan", YearlyReportService.MaxTrendYears));
        }

        return await reports.GetTrendAsync(id, from.Value, to.Value, cancellationToken) is { } trend ? TypedResults.Ok(trend) : ApiProblems.NotFound();
    }

    private static async Task<Results<Ok<ApiPage<ApiCandidateItem>>, NotFoundProblem, BadRequestProblem>> ListCandidatesAsync(
        AdmissionService admission, OrgUnitService units, int? unit, string? stage, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (unit is { } asked && ApiProblems.BadId(asked, "unit") is { } bad)
        {
            return bad;
        }

        var unitId = unit ?? (await units.GetStartingPointsAsync(cancellationToken)).FirstOrDefault()?.Id;
        if (unitId is null || await units.GetReadableAsync(unitId.Value, cancellationToken) is null)
        {
            return ApiProblems.NotFound();
        }

        CandidateStage? stageFilter = null;
        if (stage is not null)
        {
            if (!Enum.TryParse<CandidateStage>(stage, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiProblems.BadRequest(UiText.Format("Api.BadStage", stage, string.Join(", ", Enum.GetNames<CandidateStage>())));
            }

            stageFilter = parsed;
        }

        var list = await admission.ListAsync(new CandidateListQuery
        {
            UnitId = unitId.Value,
            Stage = stageFilter,
            Search = q,
            Page = SupportedRange.Page(page ?? 1),
            PageSize = Size(pageSize),
        }, cancellationToken);
        var items = list.Items.Select(c => new ApiCandidateItem(c.Id, c.FullName, c.DateOfBirth, c.BirthYear, c.Sex, c.CellId, c.CellName, c.Stage, c.StageLabel, c.StageSince)).ToList();
        return TypedResults.Ok(new ApiPage<ApiCandidateItem>(items, list.Page, list.PageSize, list.TotalCount, list.PageCount));
    }

    private static async Task<Results<Ok<ApiCandidate>, NotFoundProblem, BadRequestProblem>> GetCandidateAsync(
        AdmissionService admission, int id, CancellationToken cancellationToken)
    {
        if (ApiProblems.BadId(id) is { } bad)
        {
            return bad;
        }

        if (await admission.GetCandidateFileAsync(id, cancellationToken) is not { } file)
        {
            return ApiProblems.NotFound();
        }

        return TypedResults.Ok(new ApiCandidate(
            file.Id, file.FullName, file.DateOfBirth, file.BirthYear, file.Sex, file.Ethnicity, file.CitizenId, file.FamilyBackground,
            file.ShowsPersonalData, [.. HiddenGroups(file.Shown)],
            file.Cell.Id, file.Cell.Name, file.Stage, file.StageLabel, file.StageSince,
            [.. file.Categories.Select(c => c.Code)],
            [.. file.Timeline.Select(e => new ApiHistoryEntry(e.Id, e.Kind, e.Title, e.EffectiveOn, e.FormCode, e.DocumentNumber, e.Detail, e.IsSuperseded))]));
    }

    private static async Task<IResult> ImportAsync(HttpContext context, ImportService import, string kind, string? mode, CancellationToken cancellationToken)
    {
        // Writes need the personal token: a browser sends the cookie to any site's form, never this header.
        if (!ApiAuthentication.IsTokenAuthenticated(context))
        {
            return ApiProblems.Forbidden("Nhập dữ liệu qua API cần mã truy cập cá nhân (Authorization: Bearer …); phiên đăng nhập của trình duyệt không dùng được để ghi. Trên trình duyệt, hãy dùng trang Nhập dữ liệu.");
        }

        if (ImportLayout.Parse(kind) is not { } importKind)
        {
            return ApiProblems.NotFound("Loại dữ liệu nhập phải là units, members hoặc candidates.");
        }

        ImportMode importMode;
        switch (mode ?? "dry-run")
        {
            case "dry-run":
                importMode = ImportMode.DryRun;
                break;
            case "all":
                importMode = ImportMode.All;
                break;
            case "valid-only":
                importMode = ImportMode.ValidOnly;
                break;
            default:
                return ApiProblems.BadRequest("Tham số mode phải là dry-run, all hoặc valid-only.");
        }

        if (!context.Request.HasFormContentType)
        {
            return ApiProblems.BadRequest("Gửi tệp dạng multipart/form-data, trường \"file\".");
        }

        if (context.Request.ContentLength > ImportTable.MaxBytes)
        {
            return ApiProblems.BadRequest($"Tệp lớn hơn {ImportTable.MaxBytes / 1024 / 1024} MB.");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return ApiProblems.BadRequest("Chưa có tệp (trường \"file\").");
        }

        // Content-Length is absent from a chunked upload: the file's own length is the size that counts.
        if (file.Length > ImportTable.MaxBytes)
        {
            return ApiProblems.BadRequest($"Tệp lớn hơn {ImportTable.MaxBytes / 1024 / 1024} MB.");
        }

        await using var stream = file.OpenReadStream();
        var result = await import.ImportAsync(importKind, stream, file.FileName, importMode, cancellationToken);
        return TypedResults.Ok(ToApi(result));
    }

    public static ApiImportResult ToApi(ImportResult result) => new(
        ImportLayout.Slug(result.Kind),
        result.Mode switch { ImportMode.All => "all", ImportMode.ValidOnly => "valid-only", _ => "dry-run" },
        result.TotalRows, result.ValidRows, result.ExistingRows, result.BadRows, result.Committed, result.Written, result.ElapsedMilliseconds,
        result.Errors);

    private static IEnumerable<string> HiddenGroups(PersonalFields shown) =>
        Enum.GetValues<PersonalFields>().Where(g => g is not PersonalFields.None and not PersonalFields.All && !shown.Shows(g)).Select(g => g.ToString());

    private static int Size(int? pageSize) => Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
}
