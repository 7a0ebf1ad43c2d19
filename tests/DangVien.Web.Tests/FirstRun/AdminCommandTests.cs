using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.FirstRun;

/// <summary>
/// <c>dotnet DangVien.Web.dll admin create</c>, run as the operator runs it: its own process, a fresh database, the
/// password on standard input.
/// </summary>
public sealed class AdminCommandTests
{
    private const string Password = "Hanam2026Quantri";

    [Fact]
    public async Task On_an_empty_database_it_migrates_creates_the_province_and_an_administrator_whose_password_works()
    {
        await using var database = await PostgresServer.CreateEmptyDatabaseAsync();

        var (exitCode, stdout, stderr) = await RunAsync(
            database,
            ["admin", "create", "--user", "quantri", "--full-name", "Nguyễn Văn An", "--province-code", "HNA", "--province-name", "Đảng bộ tỉnh Hà Nam", "--migrate"],
            Password + "\n");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("Đã tạo Đảng bộ tỉnh Hà Nam và quản trị hệ thống quantri", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, stdout + stderr, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var province = await db.OrgUnits.SingleAsync();
        Assert.Equal(("HNA", "Đảng bộ tỉnh Hà Nam", OrgUnitKind.Province, null), (province.Code, province.Name, province.Kind, province.ParentId));
        Assert.Equal(province.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)province.Path);
        Assert.Equal(FirstAdministratorService.ProvinceValidFrom, (await db.OrgUnitPlacements.SingleAsync(p => p.OrgUnitId == province.Id)).ValidFrom);
        var user = await db.Users.Include(u => u.Roles).SingleAsync();
        Assert.Equal(("quantri", "Nguyễn Văn An"), (user.UserName, user.FullName));
        var role = Assert.Single(user.Roles);
        Assert.Equal((AccessRole.Administrator, province.Id), (role.Role, role.OrgUnitId));
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash!, Password));
        var audit = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.UserName, a.Action, a.Subject }).ToListAsync();
        Assert.Equal(
            [("hệ thống", AuditActions.UserCreate, "user:quantri"), ("hệ thống", AuditActions.UnitCreate, $"unit:{province.Id}"), ("hệ thống", AuditActions.UserRoleAdd, "user:quantri")],
            audit.Select(a => (a.UserName, a.Action, a.Subject)));
    }

    [Fact]
    public async Task It_refuses_once_an_administrator_exists_and_creates_no_second_one()
    {
        await using var database = await PostgresServer.CreateEmptyDatabaseAsync();
        var first = await RunAsync(database, ["admin", "create", "--user", "quantri", "--province-code", "HNA", "--province-name", "Đảng bộ tỉnh Hà Nam", "--migrate"], Password + "\n");
        Assert.True(first.ExitCode == 0, first.StandardError);

        var (exitCode, stdout, stderr) = await RunAsync(database, ["admin", "create", "--user", "quantri2"], Password + "\n");

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("Đã có quản trị hệ thống (quantri)", stderr, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(["quantri"], await db.Users.Select(u => u.UserName!).ToListAsync());
        Assert.Equal(1, await db.OrgUnits.CountAsync());
    }

    [Fact]
    public async Task Given_units_without_an_administrator_the_role_is_held_at_the_top_unit_and_no_unit_is_added()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        int rootId;
        await using (var db = database.CreateContext())
        {
            var root = new OrgUnit { Code = "T00", Name = "Tỉnh ủy Gốc", Kind = OrgUnitKind.Province };
            db.OrgUnits.Add(root);
            await db.SaveChangesAsync();
            root.Path = new(root.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            db.Users.Add(new AppUser { UserName = "canbo", NormalizedUserName = "CANBO", FullName = "Cán bộ" });
            await db.SaveChangesAsync();
            rootId = root.Id;
        }

        var (exitCode, stdout, stderr) = await RunAsync(database, ["admin", "create", "--user", "quantri"], Password + "\n");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("Đã tạo quản trị hệ thống quantri, với quyền quản trị tại Tỉnh ủy Gốc.", stdout, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.OrgUnits.CountAsync());
        var role = await check.RoleAssignments.SingleAsync();
        Assert.Equal((AccessRole.Administrator, rootId), (role.Role, role.OrgUnitId));
        Assert.Equal("Quản trị hệ thống", (await check.Users.SingleAsync(u => u.UserName == "quantri")).FullName);
    }

    [Fact]
    public async Task A_weak_password_and_an_invalid_name_are_refused_together_and_nothing_is_written()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        var (exitCode, stdout, stderr) = await RunAsync(
            database, ["admin", "create", "--user", "quan tri", "--province-code", "HNA", "--province-name", "Đảng bộ tỉnh Hà Nam"], "abc\n");

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("Chưa tạo quản trị hệ thống:", stderr, StringComparison.Ordinal);
        Assert.Contains("--user: ", stderr, StringComparison.Ordinal);
        Assert.Contains("mật khẩu: Mật khẩu phải có ít nhất 12 ký tự.", stderr, StringComparison.Ordinal);
        await NothingWrittenAsync(database);
    }

    [Theory]
    [InlineData("", "Đảng bộ tỉnh Hà Nam", "--province-code: Cơ sở dữ liệu chưa có tổ chức đảng nào: vui lòng nhập mã đảng bộ tỉnh.")]
    [InlineData("HN A", "Đảng bộ tỉnh Hà Nam", "--province-code: Mã \"HN A\" không hợp lệ")]
    [InlineData("HNA", "", "--province-name: Cơ sở dữ liệu chưa có tổ chức đảng nào: vui lòng nhập tên đảng bộ tỉnh.")]
    [InlineData("HNA", "Đảng bộ\u0007tỉnh", "--province-name: ")]
    public async Task On_a_database_without_units_the_province_must_be_given_and_valid(string code, string name, string expected)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        var (exitCode, _, stderr) = await RunAsync(database, ["admin", "create", "--user", "quantri", "--province-code", code, "--province-name", name], Password + "\n");

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        await NothingWrittenAsync(database);
    }

    [Theory]
    [InlineData("--password", "Hanam2026Quantri")]
    [InlineData("--password=Hanam2026Quantri", "")]
    public async Task The_password_is_never_taken_from_the_arguments(string option, string value)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        string[] args = value.Length > 0
            ? ["admin", "create", "--user", "quantri", option, value]
            : ["admin", "create", "--user", "quantri", option];

        var (exitCode, _, stderr) = await RunAsync(database, args, Password + "\n");

        Assert.Equal(2, exitCode);
        Assert.Contains("Mật khẩu không bao giờ được nhận từ tham số dòng lệnh", stderr, StringComparison.Ordinal);
        await NothingWrittenAsync(database);
    }

    [Fact]
    public async Task A_missing_user_name_or_an_unknown_option_shows_how_to_use_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        var missing = await RunAsync(database, ["admin", "create"], Password + "\n");
        var unknown = await RunAsync(database, ["admin", "create", "--user", "quantri", "--role", "x"], Password + "\n");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("Thiếu tên đăng nhập: --user TÊN.", missing.StandardError, StringComparison.Ordinal);
        Assert.Contains("Cách dùng: dotnet DangVien.Web.dll admin create --user", missing.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--role", unknown.StandardError, StringComparison.Ordinal);
        await NothingWrittenAsync(database);
    }

    [Fact]
    public async Task Without_migrate_a_database_with_pending_migrations_is_refused_untouched()
    {
        await using var database = await PostgresServer.CreateEmptyDatabaseAsync();

        var (exitCode, _, stderr) = await RunAsync(
            database, ["admin", "create", "--user", "quantri", "--province-code", "HNA", "--province-name", "Đảng bộ tỉnh Hà Nam"], Password + "\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("migration chưa áp dụng: chạy lại với --migrate", stderr, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Standard_input_without_a_line_is_refused()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        var (exitCode, _, stderr) = await RunAsync(
            database, ["admin", "create", "--user", "quantri", "--province-code", "HNA", "--province-name", "Đảng bộ tỉnh Hà Nam"], standardInput: null);

        Assert.Equal(1, exitCode);
        Assert.Contains("Đầu vào chuẩn không có mật khẩu.", stderr, StringComparison.Ordinal);
        await NothingWrittenAsync(database);
    }

    internal static Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(TestDatabase database, string[] args, string? standardInput) =>
        AppProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__DangVien"] = database.ConnectionString,
            },
            args,
            standardInput);

    private static async Task NothingWrittenAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.OrgUnits.CountAsync());
        Assert.Equal(0, await db.RoleAssignments.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }
}
