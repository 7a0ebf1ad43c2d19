using System.Globalization;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using Microsoft.EntityFrameworkCore;

using static DangVien.Core.Demo.VietnameseData;

namespace DangVien.Core.Demo;

/// <summary>
/// Builds a province in memory from a seed: the organisation tree, the roll of members, candidates
/// with full histories that obey the Party's rules, and yearly quotas. Deterministic: one
/// <see cref="Random"/> drawn in a fixed order, no clock, no hashing order.
/// </summary>
/// <remarks>
/// The work goes in phases so that every rule can be checked against the finished roll of each cell:
/// plan every candidate's path (dates only), admit the members those paths produce, then write the
/// histories — mentors, introducers and vote counts are picked from the cell's members as they stood
/// on the day. Nothing is dated after <c>today</c>: a path is cut at the first step not yet known.
/// </remarks>
internal sealed class ProvinceBuilder
{
    /// <summary>Who "entered" the generated history entries.</summary>
    public const string RecordedBy = "Dữ liệu mẫu";

    private const double LeavingRatePerYear = 0.012;

    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private static readonly DateOnly ReformDay = new(2025, 7, 1);

    /// <summary>Chance of dropping out before each step: awareness course, application, verification, introduction, opinions.</summary>
    private static readonly double[] DropOut = [0.12, 0.07, 0.04, 0.02, 0.02];
    private const double FailedVote = 0.04;
    private const double RevoteAfterFailure = 0.35;
    private const double ProbationRemoval = 0.02;

    private readonly ProvinceSize _size;
    private readonly DateOnly _today;
    private readonly Random _random;
    private readonly IReadOnlyDictionary<string, int> _categoryIds;
    private readonly CancellationToken _cancellationToken;
    private readonly DateOnly _historyStart;
    private readonly DateOnly _windowStart;
    private readonly DateOnly _unitsFrom;
    private readonly HashSet<string> _citizenIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly List<UnitInfo> _units = [];
    private readonly List<UnitInfo> _cells = [];
    private readonly List<CommuneInfo> _communes = [];
    private readonly List<CandidatePlan> _plans = [];
    private readonly List<(StageEntry Correction, StageEntry Original)> _corrections = [];
    private readonly List<RosterEntry> _eligible = [];
    private readonly ProvinceData _data = new();

    private ProvinceBuilder(ProvinceSize size, int seed, DateOnly today, IReadOnlyDictionary<string, int> categoryIds, CancellationToken cancellationToken)
    {
        _size = size;
        _today = today;
        _random = new Random(seed);
        _categoryIds = categoryIds;
        _cancellationToken = cancellationToken;
        _historyStart = new DateOnly(today.Year - size.YearsOfHistory + 1, 1, 1);
        _windowStart = _historyStart.AddMonths(-14);
        _unitsFrom = _historyStart.AddYears(-10);
    }

    /// <summary>Builds the province. <paramref name="categoryIds"/> maps the codes of <see cref="DefaultSourceCategories"/> to their ids.</summary>
    public static ProvinceData Build(ProvinceSize size, int seed, DateOnly today, IReadOnlyDictionary<string, int> categoryIds, CancellationToken cancellationToken = default)
    {
        size.Validate();
        var builder = new ProvinceBuilder(size, seed, today, categoryIds, cancellationToken);
        builder.BuildTree();
        builder.BuildRoll();
        builder.PlanCandidates();
        builder.EnsureEveryStage();
        builder.FinishPeople();
        builder.AdmitMembers();
        builder.WriteHistories();
        builder.NumberEntries();
        builder.BuildQuotas();
        return builder._data;
    }

    /// <summary>The share of candidates who reach admission when no one is cut off by today.</summary>
    public static double AdmissionRate()
    {
        var rate = 1.0;
        foreach (var drop in DropOut)
        {
            rate *= 1 - drop;
        }

        return rate * (1 - (FailedVote * (1 - RevoteAfterFailure)));
    }

    // ---------------------------------------------------------------- the tree

    private void BuildTree()
    {
        var province = AddUnit(null, null, ProvinceCode, $"Đảng bộ tỉnh {ProvinceName}", OrgUnitKind.Province, $"Tỉnh ủy {ProvinceName}");
        var communeNames = CommuneNames(_size.Communes);
        var cellsPerCommune = Distribute(_size.Cells, _size.Communes, 1, 0.3);
        for (var i = 0; i < _size.Communes; i++)
        {
            var isWard = _random.NextDouble() < 0.12;
            var commune = new CommuneInfo
            {
                Name = communeNames[i],
                Label = (isWard ? "phường " : "xã ") + communeNames[i],
                IsWard = isWard,
                FormerDistrict = FormerDistricts[_random.Next(FormerDistricts.Length)],
            };
            _communes.Add(commune);
            var code = string.Create(CultureInfo.InvariantCulture, $"{ProvinceCode}-{i + 1:000}");
            commune.Unit = AddUnit(province, commune, code, $"Đảng bộ {commune.Label}", OrgUnitKind.CommuneCommittee, $"Đảng ủy {commune.Label}", admissionAuthority: true);
            BuildCommune(commune, i, cellsPerCommune[i]);
        }
    }

    private void BuildCommune(CommuneInfo commune, int index, int cells)
    {
        var underCommittees = cells >= 4 ? Math.Max(2, (int)Math.Round(cells * (0.3 + (0.2 * _random.NextDouble())))) : 0;
        var grassrootsCells = cells - underCommittees;
        var committees = underCommittees == 0 ? 0 : Math.Max(1, (int)Math.Round(underCommittees / 5.0));
        var committeeSizes = committees == 0 ? [] : Distribute(underCommittees, committees, 2, 0.5);

        var specials = new List<CellType>();
        if (index % 2 == 0 || grassrootsCells > 10)
        {
            specials.Add(CellType.HighSchool);
        }

        specials.AddRange([CellType.School, CellType.HealthStation, CellType.School, CellType.School, CellType.Military]);
        var specialCount = grassrootsCells >= 2 ? Math.Min(specials.Count, Math.Max(1, (int)Math.Round(grassrootsCells * 0.22))) : 0;
        var villageCount = grassrootsCells - specialCount;
        var villages = VillageNames(commune, villageCount);

        var number = 0;
        string NextCode() => string.Create(CultureInfo.InvariantCulture, $"{commune.Unit!.Unit.Code}-{++number:00}");

        var schoolLevels = new[] { "THCS", "Tiểu học", "Mầm non" };
        var schools = 0;
        for (var s = 0; s < specialCount; s++)
        {
            var type = specials[s];
            var (name, organisation) = type switch
            {
                CellType.HighSchool => HighSchool(commune),
                CellType.School => ($"Chi bộ Trường {schoolLevels[schools % 3]} {commune.Name}", $"Trường {schoolLevels[schools++ % 3]} {commune.Name}"),
                CellType.HealthStation => ($"Chi bộ Trạm Y tế {commune.Label}", $"Trạm Y tế {commune.Label}"),
                _ => ($"Chi bộ Quân sự {commune.Label}", $"Ban Chỉ huy Quân sự {commune.Label}"),
            };
            AddCell(commune.Unit!, commune, NextCode(), name, OrgUnitKind.GrassrootsCell, type, organisation);
        }

        foreach (var village in villages)
        {
            var name = commune.IsWard ? $"Chi bộ tổ dân phố {village}" : $"Chi bộ thôn {village}";
            AddCell(commune.Unit!, commune, NextCode(), name, OrgUnitKind.GrassrootsCell, commune.IsWard ? CellType.ResidentialGroup : CellType.Village, null, village);
        }

        CellType[] committeeTypes = [CellType.CompanyCell, CellType.AgencyCell, CellType.CompanyCell, CellType.HospitalCell, CellType.Police, CellType.CollegeCell, CellType.CompanyCell];
        for (var c = 0; c < committees; c++)
        {
            var type = committeeTypes[(index + c) % committeeTypes.Length];
            var (organisation, cellNames) = Committee(commune, type, committeeSizes[c]);
            var committee = AddUnit(commune.Unit, commune, NextCode(), $"Đảng bộ {organisation}", OrgUnitKind.GrassrootsCommittee, $"Đảng ủy {organisation}");
            var cellNumber = 0;
            foreach (var cellName in cellNames)
            {
                var code = string.Create(CultureInfo.InvariantCulture, $"{committee.Unit.Code}-{++cellNumber:00}");
                var workplace = type == CellType.AgencyCell ? $"Ủy ban nhân dân {commune.Label}" : organisation;
                AddCell(committee, commune, code, cellName, OrgUnitKind.Cell, type, workplace, studentCell: type == CellType.CollegeCell && cellNumber == 1);
            }
        }
    }

    private (string Name, string Organisation) HighSchool(CommuneInfo commune)
    {
        foreach (var candidate in HighSchoolNames.Skip(_random.Next(HighSchoolNames.Length)).Concat(HighSchoolNames))
        {
            if (_usedNames.Add("THPT " + candidate))
            {
                return ($"Chi bộ Trường THPT {candidate}", $"Trường THPT {candidate}");
            }
        }

        _usedNames.Add("THPT " + commune.Name);
        return ($"Chi bộ Trường THPT {commune.Name}", $"Trường THPT {commune.Name}");
    }

    private (string Organisation, List<string> Cells) Committee(CommuneInfo commune, CellType type, int cells)
    {
        string organisation;
        string[] names;
        switch (type)
        {
            case CellType.CompanyCell:
                do
                {
                    var form = _random.NextDouble() < 0.6 ? "Cổ phần" : "TNHH";
                    var place = _random.NextDouble() < 0.7 ? commune.Name : ProvinceName;
                    organisation = $"Công ty {form} {CompanyTrades[_random.Next(CompanyTrades.Length)]} {place}";
                }
                while (!_usedNames.Add(organisation));

                names = [.. Enumerable.Range(1, 3).Select(n => $"Chi bộ Phân xưởng Sản xuất số {n}"), .. CompanyCells];
                break;
            case CellType.AgencyCell:
                organisation = $"Khối cơ quan {commune.Label}";
                names = AgencyCells;
                break;
            case CellType.HospitalCell:
                organisation = _usedNames.Add("BV " + commune.Name) ? $"Bệnh viện Đa khoa khu vực {commune.Name}" : $"Trung tâm Y tế {commune.Label}";
                names = HospitalCells;
                break;
            case CellType.Police:
                organisation = $"Công an {commune.Label}";
                names = PoliceCells;
                break;
            default:
                string[] kinds = ["Kỹ thuật - Công nghệ", "Nghề", "Sư phạm", "Nông lâm", "Y tế"];
                organisation = $"Trường Cao đẳng {kinds[_random.Next(kinds.Length)]} {commune.Name}";
                names = CollegeCells;
                break;
        }

        var list = names.Take(cells).ToList();
        for (var n = list.Count; n < cells; n++)
        {
            list.Add(string.Create(CultureInfo.InvariantCulture, $"{names[0]} - Tổ {n - names.Length + 2}"));
        }

        return (organisation, list);
    }

    private List<string> CommuneNames(int count)
    {
        var all = new List<string>();
        foreach (var first in CommuneFirstSyllables)
        {
            foreach (var second in CommuneSecondSyllables)
            {
                if (first != second)
                {
                    all.Add($"{first} {second}");
                }
            }
        }

        Shuffle(all);
        var names = all.Take(count).ToList();
        for (var i = names.Count; i < count; i++)
        {
            names.Add(string.Create(CultureInfo.InvariantCulture, $"{all[i % all.Count]} {i / all.Count + 1}"));
        }

        return names;
    }

    private List<string> VillageNames(CommuneInfo commune, int count)
    {
        var names = new List<string>();
        if (commune.IsWard)
        {
            for (var i = 1; i <= Math.Max(count, 8); i++)
            {
                commune.Villages.Add(string.Create(CultureInfo.InvariantCulture, $"số {i}"));
            }

            return [.. commune.Villages.Take(count)];
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var target = Math.Max(count, 8);
        var attempts = 0;
        while (commune.Villages.Count < target)
        {
            var name = attempts++ < 200
                ? $"{VillagePrefixes[_random.Next(VillagePrefixes.Length)]} {VillageSuffixes[_random.Next(VillageSuffixes.Length)]}"
                : string.Create(CultureInfo.InvariantCulture, $"{commune.Villages.Count + 1}");
            if (used.Add(name))
            {
                commune.Villages.Add(name);
            }
        }

        names.AddRange(commune.Villages.Take(count));
        return names;
    }

    private UnitInfo AddUnit(UnitInfo? parent, CommuneInfo? commune, string code, string name, OrgUnitKind kind, string committeeName,
        bool admissionAuthority = false, CellType type = CellType.Village, string? organisation = null, string? village = null, bool studentCell = false)
    {
        var id = _data.Units.Count + 1;
        var path = parent is null ? id.ToString(CultureInfo.InvariantCulture) : $"{(string)parent.Unit.Path}.{id.ToString(CultureInfo.InvariantCulture)}";
        var unit = new OrgUnit
        {
            Id = id,
            Code = code,
            Name = name,
            Kind = kind,
            ParentId = parent?.Unit.Id,
            Path = new LTree(path),
            ValidFrom = _unitsFrom,
            HasAdmissionAuthority = admissionAuthority,
        };
        _data.Units.Add(unit);
        _data.Placements.Add(new OrgUnitPlacement { Id = id, OrgUnitId = id, ParentId = unit.ParentId, Path = unit.Path, ValidFrom = unit.ValidFrom });
        var info = new UnitInfo
        {
            Unit = unit,
            Parent = parent,
            CommitteeName = committeeName,
            Commune = commune,
            Type = type,
            Organisation = organisation,
            Village = village,
            StudentCell = studentCell,
        };
        _units.Add(info);
        return info;
    }

    private void AddCell(UnitInfo parent, CommuneInfo commune, string code, string name, OrgUnitKind kind, CellType type, string? organisation,
        string? village = null, bool studentCell = false)
    {
        var cell = AddUnit(parent, commune, code, name, kind, name, type: type, organisation: organisation, village: village, studentCell: studentCell);
        var (min, max) = Profiles.MemberWeight(type);
        cell.MemberWeight = min + ((max - min) * _random.NextDouble());
        _cells.Add(cell);
    }

    // ---------------------------------------------------------------- the roll before the history

    private void BuildRoll()
    {
        var years = YearsBetween(_historyStart, _today);
        var expectedAdmitted = _size.AdmissionsPerYear * years * (1 - ProbationRemoval);
        var survival = Math.Pow(1 - LeavingRatePerYear, years);
        var roll = (int)Math.Round((_size.Members - expectedAdmitted) / survival);
        roll = Math.Max(roll, _cells.Count * ProvinceSize.MinimumMembersPerCell);
        var perCell = DistributeByWeight(roll, _cells.Select(c => c.MemberWeight).ToList(), ProvinceSize.MinimumMembersPerCell);
        var historyDays = _today.DayNumber - _historyStart.DayNumber;
        for (var c = 0; c < _cells.Count; c++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var cell = _cells[c];
            for (var i = 0; i < perCell[c]; i++)
            {
                // The first three are the cell's backbone: official long before the history and never leaving.
                var core = i < 3;
                var yearsBefore = core ? _random.Next(5, 31) : (int)(45 * Math.Pow(_random.NextDouble(), 1.4));
                var admitted = _historyStart.AddDays(-((yearsBefore * 365) + _random.Next(30, 365)));
                var sex = _random.NextDouble() < 0.36 ? Sex.Female : Sex.Male;
                var dateOfBirth = admitted.AddYears(-_random.Next(18, 41)).AddDays(-_random.Next(0, 365));
                DateOnly? recognised = AdmissionRules.OfficialFrom(admitted);
                if (recognised > _today)
                {
                    recognised = null;
                }

                DateOnly? leftOn = null;
                string? reason = null;
                var barred = false;
                if (!core && historyDays > 0 && _random.NextDouble() < 1 - survival)
                {
                    leftOn = _historyStart.AddDays(_random.Next(historyDays + 1));
                    if (AdmissionRules.WholeMonthsBetween(dateOfBirth, leftOn.Value) > 70 * 12 && _random.NextDouble() < 0.8)
                    {
                        reason = DeceasedReason;
                    }
                    else
                    {
                        var leaving = PickWeighted(LeavingReasons, l => l.Weight);
                        reason = leaving.Reason;
                        barred = leaving.Barred;
                    }
                }

                var member = new Member
                {
                    Id = _data.Members.Count + 1,
                    FullName = PersonName(PickEthnicity(cell.Commune!), sex),
                    DateOfBirth = dateOfBirth,
                    Sex = sex,
                    CitizenId = CitizenId(ProvinceCitizenIdCode, dateOfBirth, sex),
                    CellId = cell.Unit.Id,
                    Status = leftOn is not null ? MemberStatus.Left : recognised is not null ? MemberStatus.Official : MemberStatus.Probationary,
                    AdmittedOn = admitted,
                    RecognisedOn = recognised,
                    LeftOn = leftOn,
                    LeftReason = reason,
                    BarredFromReadmission = barred,
                };
                _data.Members.Add(member);
                cell.Roster.Add(new RosterEntry(member, recognised?.AddDays(30)));
            }
        }
    }

    // ---------------------------------------------------------------- planning the paths

    private void PlanCandidates()
    {
        var span = YearsBetween(_windowStart, _today);
        var total = _size.AdmissionsPerYear * span / AdmissionRate();
        var weights = _cells.Select(c => c.Roster.Count * Profiles.NurturingFactor(c)).ToList();
        var sum = weights.Sum();
        var windowDays = _today.DayNumber - _windowStart.DayNumber;
        for (var c = 0; c < _cells.Count; c++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var cell = _cells[c];
            var expected = total * weights[c] / sum;
            var count = (int)expected + (_random.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);
            var sources = Enumerable.Range(0, count).Select(_ => _windowStart.AddDays(_random.Next(windowDays + 1))).Order().ToList();
            foreach (var source in sources)
            {
                var plan = NewPlan(cell);
                PlanSteps(plan, source, allowExits: true, forceExit: false, forceRemoval: false);
                CutAtToday(plan);
            }
        }
    }

    private CandidatePlan NewPlan(UnitInfo cell)
    {
        var profile = PickWeighted(Profiles.For(cell), p => p.Weight).Profile;
        var plan = new CandidatePlan
        {
            Cell = cell,
            Profile = profile,
            Order = _plans.Count,
            Sex = _random.Next(100) < profile.FemalePercent ? Sex.Female : Sex.Male,
            Ethnicity = PickEthnicity(cell.Commune!),
        };
        plan.NeedsEducationException = plan.Ethnicity != "Kinh" && cell.Type == CellType.Village && !profile.Professional && _random.NextDouble() < 0.06;
        plan.CorrectsApplication = _random.NextDouble() < 0.015;
        _plans.Add(plan);
        cell.Plans.Add(plan);
        return plan;
    }

    /// <summary>The whole path from the source on, as if no one were cut off by today.</summary>
    private void PlanSteps(CandidatePlan plan, DateOnly source, bool allowExits, bool forceExit, bool forceRemoval)
    {
        var steps = plan.Steps;
        steps.Clear();
        var day = source;

        void Add(StageKind kind, DateOnly on, bool passed = true, string? formCode = null) =>
            steps.Add(new PlannedStep { Kind = kind, On = on, Known = on, Passed = passed, FormCode = formCode });

        bool DropsOut(int stage, params ExitReason[] reasons)
        {
            if (!(forceExit || (allowExits && _random.NextDouble() < DropOut[stage])))
            {
                return false;
            }

            var reason = reasons[_random.Next(reasons.Length)];
            var exit = day.AddDays(_random.Next(20, 200));
            steps.Add(new PlannedStep { Kind = StageKind.Exit, On = exit, Known = exit, ExitReason = reason, Note = ExitNote(reason) });
            return true;
        }

        Add(StageKind.Source, day);
        if (DropsOut(0, ExitReason.NurturingStopped, ExitReason.Withdrew, ExitReason.MovedAway))
        {
            return;
        }

        day = day.AddDays(_random.Next(30, 271));
        Add(StageKind.AwarenessCourse, day);
        if (DropsOut(1, ExitReason.Withdrew, ExitReason.MovedAway))
        {
            return;
        }

        day = day.AddDays(_random.Next(15, 181));
        Add(StageKind.Application, day, formCode: "1-KNĐ");
        if (DropsOut(2, ExitReason.Ineligible))
        {
            return;
        }

        day = day.AddDays(_random.Next(30, 121));
        Add(StageKind.HistoryVerification, day, formCode: "2-KNĐ");
        if (DropsOut(3, ExitReason.MovedAway, ExitReason.Withdrew))
        {
            return;
        }

        day = day.AddDays(_random.Next(7, 31));
        Add(StageKind.Introduction, day);
        if (DropsOut(4, ExitReason.NurturingStopped, ExitReason.Ineligible))
        {
            return;
        }

        day = day.AddDays(_random.Next(14, 46));
        Add(StageKind.Opinion, day, formCode: "5C-KNĐ");
        if (plan.Cell.Type is not (CellType.Village or CellType.ResidentialGroup))
        {
            day = day.AddDays(_random.Next(0, 21));
            Add(StageKind.Opinion, day, formCode: "5B-KNĐ");
        }

        if (plan.NeedsEducationException)
        {
            day = day.AddDays(_random.Next(3, 16));
            Add(StageKind.EligibilityException, day);
        }

        // The dossier stays under the renewal limit: application to the last vote is at most 345 days.
        day = day.AddDays(_random.Next(7, 41));
        var fails = allowExits && !forceExit && _random.NextDouble() < FailedVote;
        Add(StageKind.CellVote, day, passed: !fails, formCode: "6-KNĐ");
        if (fails)
        {
            if (_random.NextDouble() < RevoteAfterFailure)
            {
                day = day.AddDays(_random.Next(30, 76));
                Add(StageKind.CellVote, day, formCode: "6-KNĐ");
            }
            else
            {
                var exit = day.AddDays(_random.Next(5, 31));
                steps.Add(new PlannedStep { Kind = StageKind.Exit, On = exit, Known = exit, ExitReason = ExitReason.NurturingStopped, Note = FailedVoteExitReason });
                return;
            }
        }

        var vote = day;
        if (plan.Cell.Unit.Kind == OrgUnitKind.Cell)
        {
            day = day.AddDays(_random.Next(5, 21));
            Add(StageKind.CommitteeResolution, day, formCode: "8-KNĐ");
        }

        // Decision within 40 calendar days of the vote (the rule allows 60 working days).
        var decision = vote.AddDays(_random.Next(Math.Max(day.DayNumber - vote.DayNumber + 3, 10), 41));
        var received = decision.AddDays(_random.Next(1, 8));
        steps.Add(new PlannedStep { Kind = StageKind.AdmissionDecision, On = decision, Known = decision, ReceivedOn = received, FormCode = "9-KNĐ" });

        // Ceremony within 20 calendar days of receipt (the rule allows 30 working days).
        var ceremony = received.AddDays(_random.Next(3, 21));
        Add(StageKind.Ceremony, ceremony);
        var endOfProbation = AdmissionRules.OfficialFrom(ceremony);
        var course = ceremony.AddDays(_random.Next(60, 301));
        if (forceRemoval || (allowExits && !forceExit && _random.NextDouble() < ProbationRemoval))
        {
            var note = RemovalReasons[_random.Next(RemovalReasons.Length)];
            DateOnly removal;
            if (_random.NextDouble() < 0.3)
            {
                removal = ceremony.AddDays(_random.Next(120, 301));
                if (course < removal)
                {
                    Add(StageKind.NewMemberCourse, course);
                }
            }
            else
            {
                Add(StageKind.NewMemberCourse, course);
                var failedVote = endOfProbation.AddDays(_random.Next(0, 31));
                Add(StageKind.RecognitionVote, failedVote, passed: false, formCode: "13-KNĐ");
                removal = failedVote.AddDays(_random.Next(10, 31));
            }

            steps.Add(new PlannedStep { Kind = StageKind.Removal, On = removal, Known = removal, Note = note });
            return;
        }

        Add(StageKind.NewMemberCourse, course);
        var recognitionVote = endOfProbation.AddDays(_random.Next(0, 31));
        Add(StageKind.RecognitionVote, recognitionVote, formCode: "13-KNĐ");

        // Recognition takes effect on the day the 12 months end; the decision itself comes later.
        var issued = recognitionVote.AddDays(_random.Next(7, 31));
        steps.Add(new PlannedStep { Kind = StageKind.RecognitionDecision, On = endOfProbation, Known = issued, FormCode = "15-KNĐ" });
    }

    private void CutAtToday(CandidatePlan plan)
    {
        var keep = plan.Steps.FindIndex(s => s.Known > _today);
        if (keep >= 0)
        {
            plan.Steps.RemoveRange(keep, plan.Steps.Count - keep);
        }
    }

    /// <summary>
    /// Small provinces may by chance have nobody standing at some stage today. For each such stage,
    /// one more candidate is planned without drop-outs, cut after that stage and moved in time so the
    /// stage was reached a few days ago: every stage shows in the demo.
    /// </summary>
    private void EnsureEveryStage()
    {
        var present = _plans.Select(p => PlannedStage(p.Steps)).ToHashSet();
        foreach (var stage in Enum.GetValues<CandidateStage>())
        {
            if (present.Contains(stage))
            {
                continue;
            }

            var cells = stage == CandidateStage.CommitteeResolved ? _cells.Where(c => c.Unit.Kind == OrgUnitKind.Cell).ToList() : _cells;
            if (cells.Count == 0)
            {
                continue;
            }

            var plan = NewPlan(cells[_random.Next(cells.Count)]);
            plan.NeedsEducationException = false;
            PlanSteps(plan, _today.AddYears(-3), allowExits: false, forceExit: stage == CandidateStage.Exited, forceRemoval: stage == CandidateStage.Removed);
            var stop = stage switch
            {
                CandidateStage.Source => plan.Steps.FindIndex(s => s.Kind == StageKind.AwarenessCourse),
                CandidateStage.AwarenessCourse => plan.Steps.FindIndex(s => s.Kind == StageKind.Application),
                CandidateStage.Application => plan.Steps.FindIndex(s => s.Kind == StageKind.HistoryVerification),
                CandidateStage.HistoryVerified => plan.Steps.FindIndex(s => s.Kind == StageKind.Introduction),
                CandidateStage.Introduced => plan.Steps.FindIndex(s => s.Kind == StageKind.Opinion),
                CandidateStage.Opinions => plan.Steps.FindIndex(s => s.Kind == StageKind.CellVote),
                CandidateStage.CellVoted => plan.Steps.FindIndex(s => s.Kind is StageKind.CommitteeResolution or StageKind.AdmissionDecision),
                CandidateStage.CommitteeResolved => plan.Steps.FindIndex(s => s.Kind == StageKind.AdmissionDecision),
                CandidateStage.AdmissionDecided => plan.Steps.FindIndex(s => s.Kind == StageKind.Ceremony),
                CandidateStage.Probation => plan.Steps.FindIndex(s => s.Kind == StageKind.RecognitionVote),
                CandidateStage.RecognitionVoted => plan.Steps.FindIndex(s => s.Kind == StageKind.RecognitionDecision),
                _ => -1,
            };
            if (stop >= 0)
            {
                plan.Steps.RemoveRange(stop, plan.Steps.Count - stop);
            }

            var shift = _today.AddDays(-_random.Next(0, 8)).DayNumber - plan.Steps[^1].Known.DayNumber;
            foreach (var step in plan.Steps)
            {
                step.On = step.On.AddDays(shift);
                step.Known = step.Known.AddDays(shift);
                step.ReceivedOn = step.ReceivedOn?.AddDays(shift);
            }
        }
    }

    private static CandidateStage PlannedStage(List<PlannedStep> steps)
    {
        var history = steps.Select(s => new StageEntry
        {
            Kind = s.Kind,
            EffectiveOn = s.On,
            RecordedBy = RecordedBy,
            Vote = s.Kind is StageKind.CellVote or StageKind.RecognitionVote ? new CellVote { Passed = s.Passed } : null,
        });
        return StageProjection.Derive(history).Stage;
    }

    // ---------------------------------------------------------------- the people

    private void FinishPeople()
    {
        // Candidate ids follow the order the files were opened.
        var ordered = _plans.OrderBy(p => p.Source).ThenBy(p => p.Order).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            ordered[i].Candidate = NewCandidate(ordered[i], i + 1);
            _data.Candidates.Add(ordered[i].Candidate!);
        }
    }

    private Candidate NewCandidate(CandidatePlan plan, int id)
    {
        var profile = plan.Profile;
        var cell = plan.Cell;
        var commune = cell.Commune!;
        var source = plan.Source;

        // Age: from the profile at the source stage; at every cell vote at least 18 and under 60 in whole months.
        var dateOfBirth = source.AddYears(-_random.Next(profile.MinAge, profile.MaxAge + 1)).AddDays(-_random.Next(0, 365));
        if (profile.InSchool && profile.MinAge == 17)
        {
            dateOfBirth = source.AddYears(-17).AddDays(-_random.Next(0, 180));
        }

        var votes = plan.Steps.Where(s => s.Kind == StageKind.CellVote).Select(s => s.On).ToList();
        if (votes.Count > 0 && votes[0] < AdmissionRules.EighteenFrom(dateOfBirth))
        {
            dateOfBirth = votes[0].AddMonths(-(AdmissionRules.MinimumAgeYears * 12) - _random.Next(0, 8)).AddDays(-_random.Next(1, 28));
        }

        if (votes.Count > 0 && votes[^1] >= AdmissionRules.PastSixtyFrom(dateOfBirth))
        {
            dateOfBirth = votes[^1].AddMonths(-(AdmissionRules.MaximumAgeYears * 12) + 24);
        }

        var religion = plan.Ethnicity == "Mông" && _random.NextDouble() < 0.3 ? "Tin Lành"
            : _random.NextDouble() < 0.08 ? Religions[_random.Next(Religions.Length)] : null;
        var (homeTown, citizenCode) = HomeTown(commune);
        var ageAtSource = AdmissionRules.WholeMonthsBetween(dateOfBirth, source) / 12;
        var education = plan.NeedsEducationException ? GeneralEducation.Primary
            : profile.InSchool && profile.MinAge == 17 ? GeneralEducation.LowerSecondary
            : profile.Professional || _random.NextDouble() < 0.75 ? GeneralEducation.UpperSecondary
            : GeneralEducation.LowerSecondary;
        var merit = _random.NextDouble() < 0.05;

        var candidate = new Candidate
        {
            Id = id,
            FullName = PersonName(plan.Ethnicity, plan.Sex),
            DateOfBirth = dateOfBirth,
            Sex = plan.Sex,
            Ethnicity = plan.Ethnicity,
            Religion = religion,
            HomeTown = homeTown,
            Address = Address(cell, commune),
            CitizenId = CitizenId(citizenCode, dateOfBirth, plan.Sex),
            GeneralEducation = education,
            ProfessionalQualification = profile.Professional ? Qualifications[_random.Next(Qualifications.Length)]
                : !profile.InSchool && _random.NextDouble() < 0.1 ? "Trung cấp" : null,
            PoliticalTheory = cell.Type == CellType.AgencyCell && _random.NextDouble() < 0.5 ? "Sơ cấp" : null,
            Occupation = profile.Occupation,
            Workplace = Workplace(profile, cell, commune),
            Phone = MobilePrefixes[_random.Next(MobilePrefixes.Length)] + _random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture),
            CellId = cell.Unit.Id,
        };
        candidate.FamilyBackground = FamilyBackground(plan, candidate.FullName, dateOfBirth, merit);

        var categories = new SortedSet<string>(profile.Categories, StringComparer.Ordinal);
        if (profile.InSchool || (ageAtSource <= 30 && _random.NextDouble() < 0.8))
        {
            categories.Add(DefaultSourceCategories.YouthUnion);
        }

        if (plan.Sex == Sex.Female)
        {
            categories.Add(DefaultSourceCategories.Woman);
        }

        if (plan.Ethnicity != "Kinh")
        {
            categories.Add(DefaultSourceCategories.EthnicMinority);
        }

        if (religion is not null)
        {
            categories.Add(DefaultSourceCategories.ReligiousFollower);
        }

        if (merit)
        {
            categories.Add(DefaultSourceCategories.RevolutionaryMeritFamily);
        }

        foreach (var code in categories)
        {
            if (_categoryIds.TryGetValue(code, out var categoryId))
            {
                candidate.Categories.Add(new CandidateCategory { CandidateId = id, SourceCategoryId = categoryId });
            }
        }

        return candidate;
    }

    private (string HomeTown, string CitizenCode) HomeTown(CommuneInfo commune)
    {
        var roll = _random.NextDouble();
        if (roll < 0.75)
        {
            return ($"{commune.Label}, tỉnh {ProvinceName}", ProvinceCitizenIdCode);
        }

        if (roll < 0.9)
        {
            var other = _communes[_random.Next(_communes.Count)];
            return ($"{other.Label}, tỉnh {ProvinceName}", ProvinceCitizenIdCode);
        }

        return OutsideHomeTowns[_random.Next(OutsideHomeTowns.Length)];
    }

    private string Address(UnitInfo cell, CommuneInfo commune)
    {
        var village = cell.Village ?? commune.Villages[_random.Next(commune.Villages.Count)];
        var prefix = commune.IsWard ? "Tổ dân phố" : "Thôn";
        return $"{prefix} {village}, {commune.Label}, tỉnh {ProvinceName}";
    }

    private string? Workplace(Profile profile, UnitInfo cell, CommuneInfo commune) => profile.Workplace switch
    {
        WorkplaceKind.CellOrganisation => cell.Organisation,
        WorkplaceKind.OtherCompany => $"Công ty TNHH {CompanyTrades[_random.Next(CompanyTrades.Length)]} {ProvinceName}",
        WorkplaceKind.OwnBusiness => $"Doanh nghiệp tư nhân {CompanyTrades[_random.Next(CompanyTrades.Length)]} {commune.Name}",
        WorkplaceKind.CommuneMilitary => $"Ban Chỉ huy Quân sự {commune.Label}",
        _ => null,
    };

    private string FamilyBackground(CandidatePlan plan, string fullName, DateOnly dateOfBirth, bool merit)
    {
        string[] classes = ["Nông dân", "Nông dân", "Công nhân", "Viên chức", "Buôn bán nhỏ"];
        string[] jobs = ["làm ruộng", "làm ruộng", "công nhân", "giáo viên", "buôn bán nhỏ", "cán bộ hưu trí"];
        // The father passes on the family name.
        var fatherName = PersonName(plan.Ethnicity, Sex.Male);
        var father = fullName[..fullName.IndexOf(' ', StringComparison.Ordinal)] + fatherName[fatherName.IndexOf(' ', StringComparison.Ordinal)..];
        var mother = PersonName(plan.Ethnicity, Sex.Female);
        var fatherYear = dateOfBirth.Year - _random.Next(22, 36);
        var motherYear = dateOfBirth.Year - _random.Next(20, 33);
        var fatherMember = _random.NextDouble() < 0.2 ? ", đảng viên" : string.Empty;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Thành phần gia đình: {classes[_random.Next(classes.Length)]}. Bố: {father}, sinh năm {fatherYear}, {jobs[_random.Next(jobs.Length)]}{fatherMember}. Mẹ: {mother}, sinh năm {motherYear}, {jobs[_random.Next(jobs.Length)]}.");
        if (merit)
        {
            string[] merits = ["Ông nội là liệt sĩ.", "Bố là thương binh.", "Ông ngoại là người có công với cách mạng.", "Bà nội là Bà mẹ Việt Nam anh hùng."];
            text += " " + merits[_random.Next(merits.Length)];
        }

        return text;
    }

    // ---------------------------------------------------------------- admissions and histories

    /// <summary>Every path that reached the ceremony adds a member to its cell, numbered by admission date.</summary>
    private void AdmitMembers()
    {
        var admitted = _plans.Where(p => p.Find(StageKind.Ceremony) is not null)
            .OrderBy(p => p.Find(StageKind.Ceremony)!.On).ThenBy(p => p.Candidate!.Id).ToList();
        foreach (var plan in admitted)
        {
            var candidate = plan.Candidate!;
            var ceremony = plan.Find(StageKind.Ceremony)!.On;
            var recognition = plan.Find(StageKind.RecognitionDecision);
            var removal = plan.Find(StageKind.Removal);
            var member = new Member
            {
                Id = _data.Members.Count + 1,
                FullName = candidate.FullName,
                DateOfBirth = candidate.DateOfBirth,
                Sex = candidate.Sex,
                CitizenId = candidate.CitizenId,
                CellId = candidate.CellId,
                Status = removal is not null ? MemberStatus.Removed : recognition is not null ? MemberStatus.Official : MemberStatus.Probationary,
                AdmittedOn = ceremony,
                RecognisedOn = recognition?.On,
                LeftOn = removal?.On,
                LeftReason = removal?.Note,
                CandidateId = candidate.Id,
            };
            _data.Members.Add(member);
            plan.AdmittedMember = member;
            plan.Cell.Roster.Add(new RosterEntry(member, recognition?.Known));
        }
    }

    private void WriteHistories()
    {
        foreach (var plan in _plans.OrderBy(p => p.Candidate!.Id))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            WriteHistory(plan);
        }
    }

    private void WriteHistory(CandidatePlan plan)
    {
        var candidate = plan.Candidate!;
        var cell = plan.Cell;
        var commune = cell.Commune!;
        var deciding = commune.Unit!;
        var isYouth = candidate.Categories.Any(c => c.SourceCategoryId == _categoryIds.GetValueOrDefault(DefaultSourceCategories.YouthUnion));
        foreach (var step in plan.Steps)
        {
            var entry = new StageEntry
            {
                CandidateId = candidate.Id,
                Kind = step.Kind,
                EffectiveOn = step.On,
                FormCode = step.FormCode,
                UnitId = cell.Unit.Id,
                RecordedBy = RecordedBy,
                RecordedAt = RecordedAt(step.Known),
            };
            switch (step.Kind)
            {
                case StageKind.Source:
                    var mentor = PickEligible(cell, step.On, 1)[0];
                    entry.MemberId = mentor.Id;
                    candidate.MentorMemberId = mentor.Id;
                    candidate.CreatedAt = entry.RecordedAt;
                    break;
                case StageKind.AwarenessCourse:
                    entry.DocumentNumber = Certificate();
                    entry.Issuer = TrainingCentre(commune, step.On);
                    break;
                case StageKind.HistoryVerification:
                    var certifying = cell.Unit.Kind == OrgUnitKind.Cell ? cell.Parent! : deciding;
                    entry.UnitId = certifying.Unit.Id;
                    entry.Issuer = certifying.CommitteeName;
                    entry.Note = "Lý lịch rõ ràng, đủ điều kiện xem xét kết nạp";
                    break;
                case StageKind.Introduction:
                    Introduce(plan, entry, isYouth);
                    break;
                case StageKind.Opinion:
                    entry.Issuer = step.FormCode == "5B-KNĐ"
                        ? $"Chi ủy chi bộ {(commune.IsWard ? "tổ dân phố" : "thôn")} {commune.Villages[_random.Next(commune.Villages.Count)]}, {commune.Label}"
                        : OrganisationOpinionIssuer(plan, isYouth);
                    break;
                case StageKind.EligibilityException:
                    entry.ExceptionKind = EligibilityExceptionKind.PrimaryEducationArea;
                    entry.Note = ExceptionPrimaryEducation;
                    break;
                case StageKind.CellVote:
                case StageKind.RecognitionVote:
                    entry.DocumentNumber = Number(40, "NQ/CB");
                    entry.Vote = Vote(cell, step.On, step.Passed, plan.AdmittedMember);
                    break;
                case StageKind.CommitteeResolution:
                    entry.UnitId = cell.Parent!.Unit.Id;
                    entry.Issuer = cell.Parent.CommitteeName;
                    entry.DocumentNumber = Number(150, "NQ/ĐU");
                    break;
                case StageKind.AdmissionDecision:
                    entry.UnitId = deciding.Unit.Id;
                    entry.Issuer = "Ban Thường vụ " + deciding.CommitteeName;
                    entry.DocumentNumber = Number(900, "QĐ/ĐU");
                    entry.ReceivedOn = step.ReceivedOn <= _today ? step.ReceivedOn : null;
                    break;
                case StageKind.Ceremony:
                    entry.MemberId = PickEligible(cell, step.On, 1)[0].Id;
                    break;
                case StageKind.NewMemberCourse:
                    entry.DocumentNumber = Certificate();
                    entry.Issuer = TrainingCentre(commune, step.On);
                    break;
                case StageKind.RecognitionDecision:
                case StageKind.Removal:
                    // A recognition decision is effective when the 12 months end and dated the day it is signed.
                    entry.DocumentDate = step.Kind == StageKind.RecognitionDecision ? step.Known : null;
                    entry.UnitId = deciding.Unit.Id;
                    entry.Issuer = "Ban Thường vụ " + deciding.CommitteeName;
                    entry.DocumentNumber = Number(900, "QĐ/ĐU");
                    entry.Note = step.Note;
                    break;
                case StageKind.Exit:
                    entry.ExitReason = step.ExitReason;
                    entry.Note = step.Note;
                    break;
            }

            candidate.History.Add(entry);
            _data.Entries.Add(entry);
            if (step.Kind == StageKind.Application && plan.CorrectsApplication)
            {
                Correct(candidate, entry);
            }
        }
    }

    /// <summary>A correction: a new application entry superseding the first, recorded some days later.</summary>
    private void Correct(Candidate candidate, StageEntry original)
    {
        var recordedAt = original.RecordedAt.AddDays(_random.Next(3, 31));
        if (DateOnly.FromDateTime(recordedAt.ToOffset(VietnamOffset).DateTime) > _today)
        {
            return;
        }

        var correction = new StageEntry
        {
            CandidateId = candidate.Id,
            Kind = original.Kind,
            EffectiveOn = original.EffectiveOn.AddDays(-_random.Next(1, 4)),
            FormCode = original.FormCode,
            UnitId = original.UnitId,
            Note = ApplicationCorrectionNote,
            RecordedBy = RecordedBy,
            RecordedAt = recordedAt,
        };
        candidate.History.Add(correction);
        _data.Entries.Add(correction);
        _corrections.Add((correction, original));
    }

    private void Introduce(CandidatePlan plan, StageEntry entry, bool isYouth)
    {
        var basis = isYouth && _random.NextDouble() < 0.5 ? IntroductionBasis.YouthUnion
            : plan.Cell.Type == CellType.CompanyCell && _random.NextDouble() < 0.3 ? IntroductionBasis.TradeUnion
            : IntroductionBasis.TwoMembers;
        entry.IntroductionBasis = basis;
        var day = entry.EffectiveOn;
        switch (basis)
        {
            case IntroductionBasis.YouthUnion:
                entry.FormCode = "4-KNĐ";
                entry.DocumentNumber = Number(60, "NQ/ĐTN");
                entry.Issuer = YouthUnionName(plan);
                break;
            case IntroductionBasis.TradeUnion:
                entry.FormCode = "3-KNĐ";
                entry.DocumentNumber = Number(40, "NQ/CĐ");
                entry.Issuer = $"Ban Chấp hành Công đoàn cơ sở {plan.Cell.Organisation}";
                break;
            default:
                entry.FormCode = "3-KNĐ";
                break;
        }

        var count = basis == IntroductionBasis.TwoMembers ? 2 : 1;
        foreach (var member in PickEligible(plan.Cell, day, count))
        {
            var knownMonths = plan.Profile.InSchool ? _random.Next(12, 28) : _random.Next(12, 61);
            entry.Introducers.Add(new Introducer
            {
                MemberId = member.Id,
                KnownSince = day.AddMonths(-knownMonths).AddDays(-_random.Next(0, 28)),
            });
        }
    }

    /// <summary>The vote of the cell on a day: official members counted from the roll, two thirds to pass.</summary>
    private CellVote Vote(UnitInfo cell, DateOnly day, bool passes, Member? self)
    {
        var official = cell.Roster.Count(r => r.Member != self && r.Member.IsOfficialOn(day));
        var needed = AdmissionRules.InFavourNeeded(official);
        int present;
        int inFavour;
        if (passes)
        {
            var absentAtMost = Math.Min(official - needed, Math.Max(1, official / 6));
            present = official - _random.Next(0, absentAtMost + 1);
            inFavour = _random.NextDouble() < 0.75 ? present : _random.Next(needed, present + 1);
        }
        else
        {
            inFavour = _random.Next(official / 3, needed);
            present = _random.Next(Math.Max(inFavour, needed), official + 1);
        }

        return new CellVote { OfficialMembers = official, Present = present, InFavour = inFavour, Passed = AdmissionRules.PassesTwoThirds(official, inFavour) };
    }

    /// <summary>Distinct official members who may introduce, mentor or help on the day.</summary>
    private List<Member> PickEligible(UnitInfo cell, DateOnly day, int count)
    {
        _eligible.Clear();
        foreach (var entry in cell.Roster)
        {
            if (entry.CanIntroduceOn(day))
            {
                _eligible.Add(entry);
            }
        }

        if (_eligible.Count < count)
        {
            throw new InvalidOperationException($"Cell {cell.Unit.Code} has {_eligible.Count} official members on {day}, needs {count}.");
        }

        var picked = new List<Member>(count);
        for (var i = 0; i < count; i++)
        {
            var j = i + _random.Next(_eligible.Count - i);
            (_eligible[i], _eligible[j]) = (_eligible[j], _eligible[i]);
            picked.Add(_eligible[i].Member);
        }

        return picked;
    }

    private string OrganisationOpinionIssuer(CandidatePlan plan, bool isYouth)
    {
        if (isYouth)
        {
            return YouthUnionName(plan);
        }

        var commune = plan.Cell.Commune!;
        return plan.Cell.Type switch
        {
            CellType.CompanyCell => $"Ban Chấp hành Công đoàn cơ sở {plan.Cell.Organisation}",
            _ when plan.Sex == Sex.Female => $"Ban Chấp hành Hội Liên hiệp Phụ nữ {commune.Label}",
            CellType.Village => $"Ban Chấp hành Hội Nông dân {commune.Label}",
            _ => $"Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam {commune.Label}",
        };
    }

    private static string YouthUnionName(CandidatePlan plan) => plan.Cell.Type switch
    {
        CellType.HighSchool or CellType.CollegeCell => $"Ban Chấp hành Đoàn {plan.Cell.Organisation}",
        CellType.CompanyCell => $"Ban Chấp hành Đoàn Thanh niên {plan.Cell.Organisation}",
        _ => $"Ban Chấp hành Đoàn {plan.Cell.Commune!.Label}",
    };

    private static string TrainingCentre(CommuneInfo commune, DateOnly day) => day < ReformDay
        ? $"Trung tâm Chính trị huyện {commune.FormerDistrict}"
        : $"Trường Chính trị tỉnh {ProvinceName}";

    /// <summary>A party document number: "15-NQ/CB" (cell resolution), "123-QĐ/ĐU" (committee decision).</summary>
    private string Number(int max, string suffix) =>
        string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, max + 1)}-{suffix}");

    /// <summary>A certificate number: "245/GCN".</summary>
    private string Certificate() => string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 1000)}/GCN");

    private DateTimeOffset RecordedAt(DateOnly known)
    {
        var day = _random.NextDouble() < 0.6 ? known : known.AddDays(_random.Next(1, 4));
        if (day > _today)
        {
            day = _today;
        }

        var local = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(_random.Next(0, 540)), VietnamOffset);
        return local.ToUniversalTime();
    }

    /// <summary>Entries are numbered in the order they were recorded; votes, introducers and corrections follow.</summary>
    private void NumberEntries()
    {
        var ordered = _data.Entries.OrderBy(e => e.RecordedAt).ToList();
        _data.Entries.Clear();
        _data.Entries.AddRange(ordered);
        long introducerId = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i];
            entry.Id = i + 1;
            if (entry.Vote is not null)
            {
                entry.Vote.StageEntryId = entry.Id;
            }

            foreach (var introducer in entry.Introducers)
            {
                introducer.Id = ++introducerId;
                introducer.StageEntryId = entry.Id;
            }
        }

        foreach (var (correction, original) in _corrections)
        {
            correction.SupersedesId = original.Id;
        }

        foreach (var candidate in _data.Candidates)
        {
            candidate.History.Sort((a, b) => a.Id.CompareTo(b.Id));
            (candidate.Stage, candidate.StageSince) = StageProjection.Derive(candidate.History);
        }
    }

    // ---------------------------------------------------------------- quotas

    private void BuildQuotas()
    {
        var firstYear = _historyStart.Year;
        var years = _today.Year - firstYear + 1;
        var index = _units.Select((u, i) => (u.Unit.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var counts = new int[_units.Count, years];
        foreach (var cell in _cells)
        {
            for (var y = 0; y < years; y++)
            {
                var endOfPreviousYear = new DateOnly(firstYear + y - 1, 12, 31);
                var members = cell.Roster.Count(r => r.Member.IsMemberOn(endOfPreviousYear));
                for (var unit = cell; unit is not null; unit = unit.Parent)
                {
                    counts[index[unit.Unit.Id], y] += members;
                }
            }
        }

        var quotaId = 0;
        for (var y = 0; y < years; y++)
        {
            var year = firstYear + y;
            var assignedAt = new DateTimeOffset(new DateTime(year - 1, 12, 20, 8, 0, 0, DateTimeKind.Unspecified), VietnamOffset).ToUniversalTime();
            for (var u = 0; u < _units.Count; u++)
            {
                var unit = _units[u];
                var members = counts[u, y];
                if (members == 0)
                {
                    continue;
                }

                var rate = 0.03 + (0.005 * _random.Next(0, 3));
                var quota = new Quota
                {
                    Id = ++quotaId,
                    OrgUnitId = unit.Unit.Id,
                    Year = year,
                    Total = Math.Max(1, (int)Math.Round(members * rate, MidpointRounding.AwayFromZero)),
                    AssignedByUnitId = unit.Parent?.Unit.Id,
                    AssignedBy = "Ban Thường vụ " + (unit.Parent ?? unit).CommitteeName,
                    AssignedAt = assignedAt,
                };
                if (unit.Unit.Kind is OrgUnitKind.Province or OrgUnitKind.CommuneCommittee)
                {
                    AddTarget(quota, DefaultSourceCategories.YouthUnion, 0.55, 0.65);
                    AddTarget(quota, DefaultSourceCategories.Woman, 0.35, 0.45);
                    AddTarget(quota, DefaultSourceCategories.EthnicMinority, 0.30, 0.40);
                    AddTarget(quota, DefaultSourceCategories.PrivateEnterpriseWorker, 0.08, 0.12);
                    AddTarget(quota, DefaultSourceCategories.HighSchoolPupil, 0.04, 0.08);
                }

                _data.Quotas.Add(quota);
            }
        }
    }

    private void AddTarget(Quota quota, string code, double min, double max)
    {
        var target = (int)Math.Round(quota.Total * (min + ((max - min) * _random.NextDouble())), MidpointRounding.AwayFromZero);
        if (target > 0 && _categoryIds.TryGetValue(code, out var categoryId))
        {
            quota.CategoryTargets.Add(new QuotaCategoryTarget { QuotaId = quota.Id, SourceCategoryId = categoryId, Target = target });
        }
    }

    // ---------------------------------------------------------------- small helpers

    private string PersonName(string ethnicity, Sex sex)
    {
        var female = sex == Sex.Female;
        switch (ethnicity)
        {
            case "Mông":
                return $"{Pick(MongFamilyNames)} {(female ? "Thị" : "A")} {Pick(female ? MongFemaleGivenNames : MongMaleGivenNames)}";
            case "Dao":
                return $"{Pick(DaoFamilyNames)} {(female ? "Thị" : Pick(["Văn", "Văn", "Tiến", "Quý", "Hữu"]))} {Pick(female ? FemaleGivenNames : MaleGivenNames)}";
            case "Tày" or "Nùng" or "Cao Lan" or "Sán Chay":
                return $"{Pick(TayFamilyNames)} {Pick(female ? FemaleMiddleNames : MaleMiddleNames)} {Pick(female ? FemaleGivenNames : MaleGivenNames)}";
            default:
                return $"{PickWeighted(KinhFamilyNames, f => f.Weight).Name} {Pick(female ? FemaleMiddleNames : MaleMiddleNames)} {Pick(female ? FemaleGivenNames : MaleGivenNames)}";
        }
    }

    private string PickEthnicity(CommuneInfo commune) =>
        commune.IsWard && _random.NextDouble() < 0.6 ? "Kinh" : PickWeighted(Ethnicities, e => e.Weight).Name;

    /// <summary>
    /// A 12-digit citizen ID as issued: province code (3), century and sex (1: 0/1 for 1900s male/female,
    /// 2/3 for 2000s), year of birth (2), then 6 digits. Unique across everyone generated.
    /// </summary>
    private string CitizenId(string provinceCode, DateOnly dateOfBirth, Sex sex)
    {
        var century = (dateOfBirth.Year >= 2000 ? 2 : 0) + (sex == Sex.Female ? 1 : 0);
        while (true)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{provinceCode}{century}{dateOfBirth.Year % 100:00}{_random.Next(0, 1_000_000):000000}");
            if (_citizenIds.Add(id))
            {
                return id;
            }
        }
    }

    private string ExitNote(ExitReason reason) => Pick(reason switch
    {
        ExitReason.Withdrew => WithdrewReasons,
        ExitReason.MovedAway => MovedAwayReasons,
        ExitReason.Ineligible => IneligibleReasons,
        _ => NurturingStoppedReasons,
    });

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private T PickWeighted<T>(IReadOnlyList<T> items, Func<T, int> weight)
    {
        var total = 0;
        foreach (var item in items)
        {
            total += weight(item);
        }

        var roll = _random.Next(total);
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Splits <paramref name="total"/> into <paramref name="parts"/> with random weights, each at least <paramref name="minimum"/>.</summary>
    private int[] Distribute(int total, int parts, int minimum, double jitter)
    {
        var weights = Enumerable.Range(0, parts).Select(_ => 1 - jitter + (2 * jitter * _random.NextDouble())).ToList();
        return DistributeByWeight(total, weights, minimum);
    }

    private static int[] DistributeByWeight(int total, IReadOnlyList<double> weights, int minimum)
    {
        var parts = weights.Count;
        var result = new int[parts];
        var remaining = Math.Max(0, total - (parts * minimum));
        var sum = weights.Sum();
        var fractions = new double[parts];
        var given = 0;
        for (var i = 0; i < parts; i++)
        {
            var exact = remaining * weights[i] / sum;
            result[i] = minimum + (int)exact;
            fractions[i] = exact - (int)exact;
            given += (int)exact;
        }

        foreach (var i in Enumerable.Range(0, parts).OrderByDescending(i => fractions[i]).ThenBy(i => i).Take(remaining - given))
        {
            result[i]++;
        }

        return result;
    }

    private static double YearsBetween(DateOnly from, DateOnly to) => Math.Max(0, to.DayNumber - from.DayNumber) / 365.25;
}
