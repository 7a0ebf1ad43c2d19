using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Calendar;
using DangVien.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DangVien.Core.Tests.Features.Calendar;

public sealed class CalendarServiceTests
{
    [Fact]
    public async Task Prefill_inserts_the_default_holidays_and_running_it_again_changes_nothing()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);

        var first = await service.PrefillAsync(2026, 2027);
        var second = await service.PrefillAsync(2026, 2027);

        Assert.True(first.Succeeded);
        Assert.Equal(22, first.Value);
        Assert.True(second.Succeeded);
        Assert.Equal(0, second.Value);
        Assert.Equal(VietnameseHolidays.ForYear(2026), await service.ListAsync(2026));
        Assert.Equal(VietnameseHolidays.ForYear(2027), await service.ListAsync(2027));
    }

    [Fact]
    public async Task An_administrators_edit_survives_a_second_prefill()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);
        await service.PrefillAsync(2026, 2026);

        // The government gives 2 and 3 September 2026 instead of 1 and 2, and a day in lieu.
        Assert.True((await service.RemoveAsync(new DateOnly(2026, 9, 2))).Succeeded);
        Assert.True((await service.AddAsync(new DateOnly(2026, 9, 2), "Quốc khánh (theo thông báo của Chính phủ)")).Succeeded);
        Assert.True((await service.AddAsync(new DateOnly(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương")).Succeeded);
        var again = await service.PrefillAsync(2026, 2026);

        var holidays = await service.ListAsync(2026);
        Assert.Equal(0, again.Value);
        Assert.Contains(new Holiday(new DateOnly(2026, 9, 2), "Quốc khánh (theo thông báo của Chính phủ)"), holidays);
        Assert.Contains(new Holiday(new DateOnly(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương"), holidays);
        Assert.Equal(12, holidays.Count);
    }

    [Fact]
    public async Task A_removed_default_day_does_not_come_back_with_the_next_prefill()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);
        await service.PrefillAsync(2026, 2026);

        // The government gives 2 and 3 September 2026: 1 September is a working day.
        Assert.True((await service.RemoveAsync(new DateOnly(2026, 9, 1))).Succeeded);
        var again = await service.PrefillAsync(2020, 2030);

        Assert.True(again.Succeeded);
        Assert.Equal(Enumerable.Range(2020, 11).Where(y => y != 2026).Sum(y => VietnameseHolidays.ForYear(y).Count), again.Value);
        var holidays = await service.ListAsync(2026);
        Assert.DoesNotContain(holidays, h => h.Date == new DateOnly(2026, 9, 1));
        Assert.Equal(10, holidays.Count);
        Assert.True((await service.GetWorkingDayCalendarAsync()).IsWorkingDay(new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public async Task A_year_holding_a_day_entered_by_hand_is_left_as_the_administrator_made_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);
        await service.AddAsync(new DateOnly(2027, 2, 5), "Nghỉ Tết (ngày 29 tháng Chạp)");

        var prefill = await service.PrefillAsync(2027, 2028);

        Assert.Equal(11, prefill.Value);
        Assert.Equal([new Holiday(new DateOnly(2027, 2, 5), "Nghỉ Tết (ngày 29 tháng Chạp)")], await service.ListAsync(2027));
        Assert.Equal(VietnameseHolidays.ForYear(2028), await service.ListAsync(2028));
    }

    [Fact]
    public async Task A_year_whose_every_day_was_removed_is_empty_again_and_filled_by_the_next_prefill()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);
        await service.AddAsync(new DateOnly(2027, 2, 5), "Nghỉ Tết (ngày 29 tháng Chạp)");
        await service.RemoveAsync(new DateOnly(2027, 2, 5));

        var prefill = await service.PrefillAsync(2027, 2027);

        Assert.Equal(11, prefill.Value);
        Assert.Equal(VietnameseHolidays.ForYear(2027), await service.ListAsync(2027));
    }

    [Fact]
    public async Task Prefills_running_at_the_same_time_insert_each_default_day_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = database.CreateContext();
            return await new CalendarService(db).PrefillAsync(2026, 2029);
        }));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(Enumerable.Range(2026, 4).Sum(y => VietnameseHolidays.ForYear(y).Count), results.Sum(r => r.Value));
        await using var check = database.CreateContext();
        var service = new CalendarService(check);
        foreach (var year in Enumerable.Range(2026, 4))
        {
            Assert.Equal(VietnameseHolidays.ForYear(year), await service.ListAsync(year));
        }
    }

    [Fact]
    public async Task A_prefill_waits_for_a_day_being_added_to_that_year_and_then_leaves_the_year_alone()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var admin = new NpgsqlConnection(database.ConnectionString);
        await admin.OpenAsync();
        await using var adding = await admin.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO public_holidays (date, name) VALUES ('2028-03-03', 'Nghỉ bù')", admin, adding))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using var db = database.CreateContext();
        var prefill = new CalendarService(db).PrefillAsync(2028, 2028);
        await WaitUntilALockOnHolidaysIsAwaitedAsync(database);
        Assert.False(prefill.IsCompleted);
        await adding.CommitAsync();
        var result = await prefill;

        Assert.Equal(0, result.Value);
        await using var check = database.CreateContext();
        Assert.Equal([new Holiday(new DateOnly(2028, 3, 3), "Nghỉ bù")], await new CalendarService(check).ListAsync(2028));
    }

    [Fact]
    public async Task Adding_a_date_already_in_the_calendar_fails_next_to_the_date_field()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);
        await service.AddAsync(new DateOnly(2026, 9, 2), "Quốc khánh 2/9");

        var result = await service.AddAsync(new DateOnly(2026, 9, 2), "Quốc khánh");

        Assert.False(result.Succeeded);
        Assert.Equal([new FieldError("Date", "Ngày 02/09/2026 đã có trong lịch nghỉ.")], result.Errors);
        Assert.Equal([new Holiday(new DateOnly(2026, 9, 2), "Quốc khánh 2/9")], await service.ListAsync(2026));
    }

    [Fact]
    public async Task Adding_the_same_day_under_the_same_name_again_succeeds_and_records_it_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);
        Assert.True((await service.AddAsync(new DateOnly(2026, 9, 4), "Nghỉ bù")).Succeeded);

        var again = await service.AddAsync(new DateOnly(2026, 9, 4), " Nghỉ bù ");
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var concurrent = await Task.WhenAll(
            new CalendarService(first).AddAsync(new DateOnly(2026, 9, 5), "Nghỉ thêm"),
            new CalendarService(second).AddAsync(new DateOnly(2026, 9, 5), "Nghỉ thêm"));

        Assert.True(again.Succeeded);
        Assert.All(concurrent, r => Assert.True(r.Succeeded));
        await using var check = database.CreateContext();
        Assert.Equal(
            [new Holiday(new DateOnly(2026, 9, 4), "Nghỉ bù"), new Holiday(new DateOnly(2026, 9, 5), "Nghỉ thêm")],
            (await new CalendarService(check).ListAsync(2026)).Where(h => h.Date.Month == 9 && h.Date.Day is 4 or 5));
    }

    [Theory]
    [InlineData("", "Vui lòng nhập tên ngày nghỉ.")]
    [InlineData("   ", "Vui lòng nhập tên ngày nghỉ.")]
    [InlineData(null, "Vui lòng nhập tên ngày nghỉ.")]
    public async Task A_holiday_without_a_name_is_refused_next_to_the_name_field(string? name, string message)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);

        var result = await service.AddAsync(new DateOnly(2026, 9, 3), name!);

        Assert.Equal([new FieldError("Name", message)], result.Errors);
        Assert.Empty(await service.ListAsync(2026));
    }

    [Fact]
    public async Task A_request_without_a_date_or_a_name_is_refused_on_both_fields()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);

        var result = await service.AddAsync(new AddHolidayRequest(null, " "));

        Assert.Equal(
            [new FieldError("Date", "Vui lòng nhập ngày nghỉ (ngày/tháng/năm)."), new FieldError("Name", "Vui lòng nhập tên ngày nghỉ.")],
            result.Errors);
    }

    [Fact]
    public async Task A_name_of_121_characters_is_refused_and_one_of_120_is_stored()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);

        var tooLong = await service.AddAsync(new DateOnly(2026, 9, 3), new string('đ', 121));
        var longest = await service.AddAsync(new DateOnly(2026, 9, 3), new string('đ', 120));

        Assert.Equal([new FieldError("Name", "Tên ngày nghỉ không được dài quá 120 ký tự.")], tooLong.Errors);
        Assert.True(longest.Succeeded);
    }

    [Fact]
    public async Task Removing_a_day_that_is_not_in_the_calendar_fails_next_to_the_date_field()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);

        var result = await service.RemoveAsync(new DateOnly(2026, 9, 3));

        Assert.Equal([new FieldError("Date", "Ngày 03/09/2026 không có trong lịch nghỉ.")], result.Errors);
    }

    [Fact]
    public async Task Prefill_refuses_a_range_that_ends_before_it_starts_or_leaves_the_computed_years()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = new CalendarService(db);

        var backwards = await service.PrefillAsync(2027, 2026);
        var tooFar = await service.PrefillAsync(2026, 2200);

        Assert.Equal([new FieldError("ToYear", "Năm kết thúc không được trước năm bắt đầu.")], backwards.Errors);
        Assert.Equal([new FieldError("ToYear", "Chỉ điền sẵn được các năm từ 1969 đến 2199.")], tooFar.Errors);
        Assert.Empty(await service.ListAsync(2026));
    }

    [Fact]
    public async Task The_cached_working_day_calendar_shows_an_added_or_removed_holiday_at_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var service = NewCachedService(db, new WorkingDayCalendarCache(TimeProvider.System));
        var day = new DateOnly(2026, 9, 3);

        var before = await service.GetWorkingDayCalendarAsync();
        Assert.Same(before, await service.GetWorkingDayCalendarAsync());
        await service.AddAsync(day, "Nghỉ lễ Quốc khánh");
        var afterAdd = await service.GetWorkingDayCalendarAsync();
        await service.RemoveAsync(day);
        var afterRemove = await service.GetWorkingDayCalendarAsync();
        await service.PrefillAsync(2026, 2026);
        var afterPrefill = await service.GetWorkingDayCalendarAsync();

        Assert.True(before.IsWorkingDay(day));
        Assert.False(afterAdd.IsWorkingDay(day));
        Assert.True(afterRemove.IsWorkingDay(day));
        Assert.False(afterPrefill.IsWorkingDay(new DateOnly(2026, 2, 17)));
    }

    [Fact]
    public async Task An_edit_made_through_another_request_scope_is_seen_by_the_next_one()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var services = new ServiceCollection().AddLogging().AddScoped<ICurrentUser>(_ => new SystemUser()).AddDangVienCore(database.ConnectionString);
        // The host configures Identity, whose UserManager Core's account services take.
        services.AddIdentityCore<AppUser>().AddEntityFrameworkStores<DangVienDbContext>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var day = new DateOnly(2026, 9, 3);

        async Task<T> InScope<T>(Func<CalendarService, Task<T>> action)
        {
            await using var scope = provider.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<CalendarService>());
        }

        var before = await InScope(s => s.GetWorkingDayCalendarAsync());
        var cached = await InScope(s => s.GetWorkingDayCalendarAsync());
        var added = await InScope(s => s.AddAsync(day, "Nghỉ lễ Quốc khánh"));
        var after = await InScope(s => s.GetWorkingDayCalendarAsync());

        Assert.Same(before, cached);
        Assert.True(added.Succeeded);
        Assert.True(before.IsWorkingDay(day));
        Assert.False(after.IsWorkingDay(day));
    }

    [Fact]
    public async Task A_holiday_written_behind_the_services_back_shows_once_the_cached_calendar_expires()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.FromHours(7)));
        var service = NewCachedService(db, new WorkingDayCalendarCache(clock));
        var day = new DateOnly(2026, 9, 3);

        var before = await service.GetWorkingDayCalendarAsync();
        db.PublicHolidays.Add(new PublicHoliday { Date = day, Name = "Nghỉ lễ Quốc khánh" });
        await db.SaveChangesAsync();
        clock.Advance(WorkingDayCalendarCache.Lifetime - TimeSpan.FromSeconds(1));
        var stillCached = await service.GetWorkingDayCalendarAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        var reloaded = await service.GetWorkingDayCalendarAsync();

        Assert.Same(before, stillCached);
        Assert.True(stillCached.IsWorkingDay(day));
        Assert.False(reloaded.IsWorkingDay(day));
    }

    private static async Task WaitUntilALockOnHolidaysIsAwaitedAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'public_holidays'::regclass",
            connection);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The pre-fill never waited for the lock on public_holidays.");
            await Task.Delay(50);
        }
    }

    private static CalendarService NewCachedService(DangVienDbContext db, WorkingDayCalendarCache cache) =>
        new(db, cache, new AddHolidayRequestValidator(), new PrefillHolidaysRequestValidator(), NullLogger<CalendarService>.Instance, access: null);

    private sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
