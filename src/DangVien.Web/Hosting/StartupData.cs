using DangVien.Core.Data;
using DangVien.Core.Data.Reference;
using DangVien.Core.Demo;
using DangVien.Core.Domain;
using DangVien.Core.Features.Calendar;
using DangVien.Web.Components.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DangVien.Web.Hosting;

/// <summary>Reference and demo data loaded at start-up, once, under a PostgreSQL advisory lock.</summary>
internal static class StartupData
{
    /// <summary>Any fixed number: serialises two app instances starting on the same database.</summary>
    private const long AdvisoryLockKey = 0x44616e6756696e;

    /// <summary>How many years back from the current year the public holidays are pre-filled.</summary>
    public const int HolidayYearsBack = 10;

    /// <summary>How many years ahead of the current year the public holidays are pre-filled.</summary>
    public const int HolidayYearsAhead = 5;

    public static async Task LoadAsync(IServiceProvider services, string connectionString, bool seedDemo, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", AdvisoryLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await PrefillHolidaysAsync(services, logger, cancellationToken);
            await ReferenceData.EnsureLoadedAsync(connection, cancellationToken);
            if (seedDemo)
            {
                await LoadDemoAsync(services, connectionString, logger, cancellationToken);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task LoadDemoAsync(IServiceProvider services, string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        if (await DemoData.EnsureLoadedAsync(connectionString, cancellationToken: cancellationToken) is { } counts)
        {
            logger.LogInformation(
                "Demo province loaded: {OrgUnits} units, {Members} members, {Candidates} candidates, {StageEntries} history entries in {ElapsedMs:0} ms",
                counts.OrgUnits, counts.Members, counts.Candidates, counts.StageEntries, counts.Elapsed.TotalMilliseconds);
        }

        await EnsureDemoUsersAsync(services, logger, cancellationToken);
    }

    /// <summary>One user per role, password <see cref="LoginPage.DemoPassword"/> (README), created once.</summary>
    private static async Task EnsureDemoUsersAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DangVienDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var province = await db.OrgUnits.Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (province is null || await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var commune = await db.OrgUnits.Where(u => u.ParentId == province.Id && u.HasAdmissionAuthority).OrderBy(u => u.Id).FirstAsync(cancellationToken);
        var cell = await db.OrgUnits
            .Where(u => (u.Kind == OrgUnitKind.Cell || u.Kind == OrgUnitKind.GrassrootsCell) && u.Path.IsDescendantOf(commune.Path))
            .OrderByDescending(u => db.Candidates.Count(c => c.CellId == u.Id && c.Stage < CandidateStage.Official))
            .ThenBy(u => u.Id)
            .FirstAsync(cancellationToken);

        (string UserName, string FullName, int UnitId, AccessRole Role)[] demo =
        [
            ("admin", "Quản trị hệ thống", province.Id, AccessRole.Administrator),
            ("bantochuc", "Nguyễn Thị Lan (Ban Tổ chức Tỉnh ủy)", province.Id, AccessRole.ProvincialBoard),
            ("vanphong", "Trần Văn Hùng (Văn phòng " + commune.Name + ")", commune.Id, AccessRole.CommitteeStaff),
            ("bithu", "Lê Văn Minh (Bí thư " + cell.Name + ")", cell.Id, AccessRole.CellSecretary),
        ];
        foreach (var (userName, fullName, unitId, role) in demo)
        {
            var user = new AppUser { UserName = userName, FullName = fullName };
            var result = await users.CreateAsync(user, LoginPage.DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, OrgUnitId = unitId, Role = role });
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo users created: {UserNames}", string.Join(", ", demo.Select(d => d.UserName)));
    }

    /// <summary>
    /// The default Vietnamese holidays of the years around the current one, in every year that has no
    /// holiday yet (a year the administrator has edited is left alone, see <see cref="CalendarService.PrefillAsync"/>).
    /// </summary>
    private static async Task PrefillHolidaysAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var thisYear = services.GetRequiredService<TimeProvider>().GetLocalNow().Year;
        var fromYear = Math.Max(thisYear - HolidayYearsBack, VietnameseHolidays.MinYear);
        var toYear = Math.Min(thisYear + HolidayYearsAhead, VietnameseHolidays.MaxYear);
        var result = await new CalendarService(services.GetRequiredService<DangVienDbContext>()).PrefillAsync(fromYear, toYear, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning(
                "Public holidays {FromYear}–{ToYear} not pre-filled: {Errors}",
                fromYear,
                toYear,
                string.Join(" ", result.Errors.Select(e => e.Message)));
        }
    }
}
