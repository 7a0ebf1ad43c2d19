using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Reports;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DangVien.Core.Features.Members;

/// <summary>A member of a cell: the date of birth null unless the user sees it (<see cref="PersonalDataPolicy"/>), the year always.</summary>
public sealed record MemberListItem(int Id, string FullName, DateOnly? DateOfBirth, int BirthYear, DateOnly AdmittedOn, DateOnly? RecognisedOn);

/// <summary>
/// A member a picker offers (introducer, helper): what the rules ask of them on the day — official (since when) or
/// still probationary — and how many files in progress they already introduce. The date of birth null unless the
/// user sees it.
/// </summary>
public sealed record MemberOption(
    int Id, string FullName, DateOnly? DateOfBirth, int BirthYear, bool IsOfficial, DateOnly? OfficialSince, DateOnly AdmittedOn, int Introducing);

/// <summary>A member of a cell who left the Party or was removed: who may be considered for readmission.</summary>
public sealed record FormerMemberItem(
    int Id,
    string FullName,
    DateOnly? DateOfBirth,
    int BirthYear,
    MemberStatus Status,
    DateOnly AdmittedOn,
    DateOnly? LeftOn,
    string? LeftReason,
    bool HadCriminalConviction,
    bool BarredFromReadmission);

/// <summary>What the members page of a cell shows.</summary>
/// <remarks><see cref="Official"/> holds the page of <see cref="OfficialWindow"/>.</remarks>
public sealed record CellMembers(IReadOnlyList<MemberListItem> Official, ListWindow OfficialWindow, IReadOnlyList<FormerMemberItem> Former);

/// <summary>Members of cells: the pickers for introducers, mentors and helpers, and members entered by hand.</summary>
public sealed class MemberService(
    DangVienDbContext db,
    TimeProvider time,
    ILogger<MemberService> logger,
    CurrentAccess access,
    IValidator<AddMemberRequest> addValidator)
{
    /// <summary>The official members of a cell on a day (today when not given), in Vietnamese name order: who may introduce, mentor or help.</summary>
    public async Task<IReadOnlyList<MemberListItem>> ListOfficialMembersAsync(int cellId, DateOnly? onDate = null, CancellationToken cancellationToken = default) =>
        (await OfficialMembersAsync(cellId, onDate ?? time.Today(), page: null, cancellationToken)).Items;

    private async Task<(IReadOnlyList<MemberListItem> Items, ListWindow Window)> OfficialMembersAsync(int cellId, DateOnly day, int? page, CancellationToken cancellationToken)
    {
        if (await access.ReadableUnitAsync(cellId, cancellationToken) is not { } cell)
        {
            return ([], new ListWindow(0, 1, 1, Paged: false));
        }

        var shown = (await access.GetScopeAsync(cancellationToken)).PersonalFieldsAt(cell.Path);
        var official = db.Members.AsNoTracking()
            .Where(m => m.CellId == cellId)
            .Where(MemberStanding.OfficialOn(day));
        var window = await ListWindow.ReadAsync(official, page, MembersPageSize, cancellationToken);
        var rows = await window.Apply(official.OrderBy(m => m.FullName).ThenBy(m => m.Id))
            .Select(m => new { m.Id, m.FullName, m.DateOfBirth, m.AdmittedOn, m.RecognisedOn })
            .ToListAsync(cancellationToken);
        return ([.. rows.Select(m => new MemberListItem(m.Id, m.FullName, shown.KeepBirthDate(m.DateOfBirth), m.DateOfBirth.Year, m.AdmittedOn, m.RecognisedOn))], window);
    }

    /// <summary>
    /// The members of a cell on a day (today when not given), official and probationary, for a picker: those whose name
    /// contains <paramref name="search"/> with or without its marks ("duc" finds "Đức"), in Vietnamese order by given
    /// name, each with what the rules ask of them. Empty when the user may not read the cell.
    /// </summary>
    public async Task<IReadOnlyList<MemberOption>> PickMembersAsync(
        int cellId, string? search = null, DateOnly? onDate = null, CancellationToken cancellationToken = default)
    {
        var day = onDate ?? time.Today();
        if (await access.ReadableUnitAsync(cellId, cancellationToken) is not { } cell)
        {
            return [];
        }

        var shown = (await access.GetScopeAsync(cancellationToken)).PersonalFieldsAt(cell.Path);
        var rows = await db.Members.AsNoTracking()
            .Where(m => m.CellId == cellId)
            .Where(MemberStanding.MemberOn(day))
            .ToListAsync(cancellationToken);
        var term = search?.Trim() ?? "";
        var found = rows.Where(m => term.Length == 0 || VietnameseText.ContainsLoosely(m.FullName, term)).ToList();
        var ids = found.Select(m => m.Id).ToList();

        // Files in progress each member introduces: named in an introduction or as a replacement, not since replaced.
        var introducing = await (
                from i in db.Introducers
                join e in db.StageEntries on i.StageEntryId equals e.Id
                join c in db.Candidates on e.CandidateId equals c.Id
                where ids.Contains(i.MemberId) && c.Stage < CandidateStage.Official
                select new { i.MemberId, CandidateId = c.Id })
            .Distinct()
            .ToListAsync(cancellationToken);
        var replaced = (await (
                from i in db.Introducers
                join e in db.StageEntries on i.StageEntryId equals e.Id
                where i.ReplacesMemberId != null && ids.Contains(i.ReplacesMemberId.Value)
                select new { MemberId = i.ReplacesMemberId!.Value, e.CandidateId })
            .ToListAsync(cancellationToken)).ToHashSet();
        var counts = introducing.Where(i => !replaced.Contains(new { i.MemberId, i.CandidateId }))
            .GroupBy(i => i.MemberId).ToDictionary(g => g.Key, g => g.Count());

        return [.. found
            .OrderBy(m => m.FullName, VietnameseText.GivenNameOrder).ThenBy(m => m.Id)
            .Select(m => new MemberOption(m.Id, m.FullName, shown.KeepBirthDate(m.DateOfBirth), m.DateOfBirth.Year,
                MemberStanding.IsOfficialOn(m, day), m.RecognisedOn, m.AdmittedOn, counts.GetValueOrDefault(m.Id)))];
    }

    /// <summary>Official members on one page of a cell's members page.</summary>
    public const int MembersPageSize = 50;

    /// <summary>
    /// The members page of a cell: one page (<see cref="MembersPageSize"/>; past the last reads as the last) of its official
    /// members today and its former members, written to the audit log. Null when the user may not read the cell.
    /// </summary>
    public async Task<CellMembers?> GetCellMembersAsync(int cellId, int page = 1, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(cellId, cancellationToken) is null)
        {
            return null;
        }

        var (official, window) = await OfficialMembersAsync(cellId, time.Today(), page, cancellationToken);
        var members = new CellMembers(official, window, await ListFormerMembersAsync(cellId, cancellationToken));
        await access.AuditAsync(
            AuditActions.MembersView,
            AuditActions.UnitSubject(cellId),
            string.Create(CultureInfo.InvariantCulture, $"{window.Total} đảng viên, {members.Former.Count} đã ra khỏi Đảng")
                + (window.PageCount > 1 ? string.Create(CultureInfo.InvariantCulture, $", trang {window.Page}") : ""),
            cancellationToken: cancellationToken);
        return members;
    }

    /// <summary>The cell's former members (left or removed), most recently left first; empty when the user may not read the cell.</summary>
    public async Task<IReadOnlyList<FormerMemberItem>> ListFormerMembersAsync(int cellId, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(cellId, cancellationToken) is not { } cell)
        {
            return [];
        }

        var shown = (await access.GetScopeAsync(cancellationToken)).PersonalFieldsAt(cell.Path);
        var rows = await db.Members.AsNoTracking()
            .Where(m => m.CellId == cellId && m.LeftOn != null)
            .OrderByDescending(m => m.LeftOn).ThenBy(m => m.FullName).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.FullName, m.DateOfBirth, m.Status, m.AdmittedOn, m.LeftOn, m.LeftReason, m.HadCriminalConviction, m.BarredFromReadmission })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(m => new FormerMemberItem(
            m.Id, m.FullName, shown.KeepBirthDate(m.DateOfBirth), m.DateOfBirth.Year, m.Status, m.AdmittedOn, m.LeftOn, m.LeftReason, m.HadCriminalConviction, m.BarredFromReadmission))];
    }

    /// <summary>Adds a member who joined before DangVien (or a former member). Returns the new member's id.</summary>
    /// <summary>The member's dates may not lie after today (shared by the form and the import).</summary>
    public static IEnumerable<FieldError> DatesNotInFuture(AddMemberRequest request, DateOnly today)
    {
        foreach (var (field, date, label) in new[]
        {
            (nameof(request.AdmittedOn), (DateOnly?)request.AdmittedOn, CoreText.Get("Member.AdmittedOn")),
            (nameof(request.RecognisedOn), request.RecognisedOn, CoreText.Get("Member.RecognisedOn")),
            (nameof(request.LeftOn), request.LeftOn, CoreText.Get("Member.LeftOn")),
        })
        {
            if (date > today)
            {
                yield return new FieldError(field, CoreText.Format("Dates.AfterToday", label, date.Value.Display(), today.Display()));
            }
        }
    }

    public async Task<Result<int>> AddMemberAsync(AddMemberRequest request, CancellationToken cancellationToken = default)
    {
        var validation = addValidator.Validate(request);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        errors.AddRange(DatesNotInFuture(request, time.Today()));

        var readable = await access.ReadableUnitAsync(request.CellId, cancellationToken);
        var cell = readable is null ? null : new { readable.Kind, readable.Name };
        if (readable is not null && !(await access.GetScopeAsync(cancellationToken)).CanWrite(readable.Path))
        {
            errors.Add(new FieldError(nameof(request.CellId), Messages.NotAllowed));
        }
        else if (cell is null)
        {
            errors.Add(new FieldError(nameof(request.CellId), AdmissionRules.CellNotFound));
        }
        else if (!cell.Kind.IsCell())
        {
            errors.Add(new FieldError(nameof(request.CellId), CoreText.Format("Member.NotACell", cell.Name)));
        }
        else
        {
            // A member's dates move the member counts of their years: none may fall in a frozen year.
            foreach (var (field, date) in new[] { (nameof(request.AdmittedOn), (DateOnly?)request.AdmittedOn), (nameof(request.RecognisedOn), request.RecognisedOn), (nameof(request.LeftOn), request.LeftOn) })
            {
                if (date is { } day && errors.All(e => e.Field != field)
                    && await FrozenYears.CheckAsync(db, request.CellId, field, [day], cancellationToken) is { } frozen)
                {
                    errors.Add(frozen);
                }
            }
        }

        if (!string.IsNullOrEmpty(request.CitizenId)
            && await db.Members.AsNoTracking().Where(m => m.CitizenId == request.CitizenId && m.LeftOn == null)
                .Select(m => new { m.FullName, CellName = m.Cell!.Name, CellPath = m.Cell.Path }).FirstOrDefaultAsync(cancellationToken) is { } holder)
        {
            // Named only to someone who may read the holder's cell; otherwise the number is just unusable.
            errors.Add(new FieldError(nameof(request.CitizenId), (await access.GetScopeAsync(cancellationToken)).CanRead(holder.CellPath)
                ? CoreText.Format("Member.CitizenIdTaken", request.CitizenId, holder.FullName, holder.CellName)
                : AdmissionRules.CitizenIdUnusable(request.CitizenId)));
        }

        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        var member = new Member
        {
            FullName = request.FullName.Trim(),
            DateOfBirth = request.DateOfBirth,
            Sex = request.Sex,
            CitizenId = string.IsNullOrEmpty(request.CitizenId) ? null : request.CitizenId,
            CellId = request.CellId,
            Status = request.Status,
            AdmittedOn = request.AdmittedOn,
            RecognisedOn = request.RecognisedOn,
            LeftOn = request.LeftOn,
            LeftReason = request.LeftReason,
            BarredFromReadmission = request.BarredFromReadmission,
            HadCriminalConviction = request.HadCriminalConviction,
        };
        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Added member {MemberId} to cell {CellId}", member.Id, member.CellId);
        return Result<int>.Success(member.Id);
    }
}
