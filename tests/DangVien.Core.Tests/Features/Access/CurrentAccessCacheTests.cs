using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DangVien.Core.Tests.Features.Access;

/// <summary>A request looks a unit up once however many services ask for it, and the scope check still runs on every call.</summary>
public sealed class CurrentAccessCacheTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public async Task A_unit_is_read_once_per_request_and_checked_against_the_scope_each_time()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var counter = new CommandCounter();
        await using var db = new DangVienDbContext(new DbContextOptionsBuilder<DangVienDbContext>()
            .UseNpgsql(database.ConnectionString, DangVienDbContextOptions.ConfigureNpgsql)
            .AddInterceptors(counter)
            .Options);
        var world = await World.CreateAsync(db, Today);
        var user = new AppUser { UserName = "bithu.giaovien", NormalizedUserName = "BITHU.GIAOVIEN", FullName = "Bí thư" };
        db.Users.Add(user);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, OrgUnitId = world.TeachersCell.Id, Role = AccessRole.CellSecretary });
        await db.SaveChangesAsync();
        var access = new CurrentAccess(new SignedInUser(user.UserName, user.Id), db, world.Time);

        var first = await access.ReadableUnitAsync(world.TeachersCell.Id);
        var outside = await access.ReadableUnitAsync(world.VillageCell.Id);
        counter.Count = 0;
        var again = await access.ReadableUnitAsync(world.TeachersCell.Id);
        var outsideAgain = await access.ReadableUnitAsync(world.VillageCell.Id);
        var missing = await access.ReadableUnitAsync(-1);
        var missingAgain = await access.ReadableUnitAsync(-1);

        Assert.NotNull(first);
        Assert.Same(first, again);
        Assert.Null(outside);
        Assert.Null(outsideAgain);
        Assert.Null(missing);
        Assert.Null(missingAgain);
        Assert.Equal(1, counter.Count);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class SignedInUser(string name, string id) : ICurrentUser
    {
        public string Name { get; } = name;

        public string? UserId { get; } = id;

        public bool IsSystem => false;
    }
}
