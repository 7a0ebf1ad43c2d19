using DangVien.Core.Common;
using DangVien.Core.Tests.Support;
using DangVien.Testing;

namespace DangVien.Core.Tests.Features.Members;

/// <summary>The member picker of the step forms: search without marks, given-name order, what the rules need.</summary>
public sealed class MemberPickerTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    [Fact]
    public async Task Members_are_offered_by_given_name_with_whether_they_are_official_and_whom_they_introduce()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21), world.Teachers[1], world.Teachers[2]);

        var options = await world.Members().PickMembersAsync(world.TeachersCell.Id);

        Assert.Equal(options.Select(o => o.FullName).Order(VietnameseText.GivenNameOrder), options.Select(o => o.FullName));
        Assert.Equal("Nguyễn Văn An", options[0].FullName);
        var probationary = Assert.Single(options, o => o.Id == world.ProbationaryTeacher.Id);
        Assert.False(probationary.IsOfficial);
        Assert.Null(probationary.OfficialSince);
        Assert.True(options.Single(o => o.Id == world.Teachers[0].Id).IsOfficial);
        Assert.Equal(1, options.Single(o => o.Id == world.Teachers[1].Id).Introducing);
        Assert.Equal(1, options.Single(o => o.Id == world.Teachers[2].Id).Introducing);
        Assert.Equal(0, options.Single(o => o.Id == world.Teachers[3].Id).Introducing);
        Assert.DoesNotContain(options, o => world.OtherVillagers.Any(m => m.Id == o.Id));
    }

    [Theory]
    [InlineData("cuong", "Lê Văn Cường")]
    [InlineData("CƯỜNG", "Lê Văn Cường")]
    [InlineData("dang van", "Đặng Văn Hải")]
    public async Task A_name_is_found_without_its_marks(string search, string expected)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);

        var options = await world.Members().PickMembersAsync(world.TeachersCell.Id, search);

        Assert.Equal([expected], options.Select(o => o.FullName));
    }
}
