using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;

namespace DangVien.Core.Tests.Support;

/// <summary>In-memory histories and facts for the pure rule tests.</summary>
public sealed class HistoryBuilder
{
    private readonly List<StageEntry> _entries = [];
    private long _nextId = 1;

    public static readonly CellFacts TeachersCell = new(5, "Chi bộ Giáo viên", OrgUnitKind.Cell, 3, OrgUnitKind.GrassrootsCommittee, null, 2, "Đảng ủy xã Hòa An");

    public static readonly DateOnly Today = new(2026, 12, 31);

    public static RuleContext Context(AdmissionParameters? parameters = null) =>
        new(Today, new WorkingDayCalendar(World.Tet2026), parameters ?? AdmissionParameters.Default);

    public HistoryBuilder Add(StageKind kind, DateOnly on, Action<StageEntry>? fill = null)
    {
        var entry = new StageEntry
        {
            Id = _nextId++,
            CandidateId = 1,
            Kind = kind,
            EffectiveOn = on,
            RecordedBy = "test",
            RecordedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero).AddTicks(_nextId),
        };
        fill?.Invoke(entry);
        _entries.Add(entry);
        return this;
    }

    public HistoryBuilder Vote(StageKind kind, DateOnly on, int official, int inFavour) =>
        Add(kind, on, e => e.Vote = new CellVote { OfficialMembers = official, Present = official, InFavour = inFavour, Passed = AdmissionRules.PassesTwoThirds(official, inFavour) });

    /// <summary>Source to opinions, everything before the introduction on <paramref name="introducedOn"/>; introducers are members 101 and 102.</summary>
    public static HistoryBuilder ReadyForVote(DateOnly introducedOn) => new HistoryBuilder()
        .Add(StageKind.Source, introducedOn.AddDays(-120), e => e.UnitId = TeachersCell.Id)
        .Add(StageKind.AwarenessCourse, introducedOn.AddDays(-90), e => e.DocumentNumber = "GCN-1")
        .Add(StageKind.Application, introducedOn.AddDays(-60))
        .Add(StageKind.HistoryVerification, introducedOn.AddDays(-30))
        .Add(StageKind.Introduction, introducedOn, e => e.Introducers =
        [
            new Introducer { MemberId = 101, KnownSince = new DateOnly(2018, 1, 1) },
            new Introducer { MemberId = 102, KnownSince = new DateOnly(2018, 1, 1) },
        ])
        .Add(StageKind.Opinion, introducedOn.AddDays(7));

    public CandidateHistory History => new(_entries);

    public CandidateFacts Facts(DateOnly? born = null, GeneralEducation education = GeneralEducation.UpperSecondary, CellFacts? cell = null, FormerMemberFacts? former = null) =>
        new(1, "Phan Thị Hạnh", born ?? new DateOnly(2000, 4, 12), education, "001200000001", cell ?? TeachersCell, former, History);

    public static MemberFacts Member(int id, int cellId = 5, bool official = true, DateOnly? leftOn = null, int? cellParentId = 3, string? citizenId = null) => new(
        new Member
        {
            Id = id,
            FullName = $"Đảng viên {id}",
            CellId = cellId,
            CitizenId = citizenId,
            Status = official ? MemberStatus.Official : MemberStatus.Probationary,
            AdmittedOn = new DateOnly(2010, 1, 1),
            RecognisedOn = official ? new DateOnly(2011, 1, 1) : null,
            LeftOn = leftOn,
        },
        cellParentId);
}
