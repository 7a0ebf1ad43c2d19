using System.Reflection;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Import;

namespace DangVien.Core.Features.Access;

/// <summary>What users read for the codes of accounts, roles and the audit log (<see cref="CoreText"/>).</summary>
public static class AccessLabels
{
    /// <summary>Every role, in the order the forms offer them.</summary>
    public static IReadOnlyList<AccessRole> Roles { get; } =
        [AccessRole.CommitteeStaff, AccessRole.CellSecretary, AccessRole.ProvincialBoard, AccessRole.Administrator];

    public static string Of(AccessRole role) => CoreText.Find("Role." + role) ?? role.ToString();

    /// <summary>What a role allows, in one line, for the form that assigns it.</summary>
    public static string Describe(AccessRole role) => CoreText.Find("RoleDescription." + role) ?? "";
}

/// <summary>The action codes written to the audit log.</summary>
public static class AuditActions
{
    public const string CandidateView = "candidate.view";
    public const string CandidatesExport = "candidates.export";

    /// <summary>A page of the candidate list (pages and API), with its filters.</summary>
    public const string CandidatesList = "candidates.list";

    /// <summary>A candidate list searched by a citizen ID (9–12 digits), with the term.</summary>
    public const string CandidatesSearchCitizenId = "candidates.search.citizen-id";

    /// <summary>The candidates or members behind a figure of a report (drill-down).</summary>
    public const string ReportList = "report.list";

    /// <summary>A cell's members page.</summary>
    public const string MembersView = "members.view";

    /// <summary>An existing unit or candidate asked for outside the user's scope (answered as not found).</summary>
    public const string Denied = "denied";
    public const string ReportExport = "report.export";
    public const string ReportFreeze = "report.freeze";
    public const string ReportUnfreeze = "report.unfreeze";
    public const string UserCreate = "user.create";
    public const string UserPasswordReset = "user.password.reset";
    public const string UserLock = "user.lock";
    public const string UserUnlock = "user.unlock";
    public const string UserRoleAdd = "user.role.add";
    public const string UserRoleRemove = "user.role.remove";
    public const string PasswordChange = "account.password.change";
    public const string SignIn = "account.sign-in";
    public const string SignInFailure = "account.sign-in.failure";
    public const string SignInLocked = "account.sign-in.locked";
    public const string SignInLimited = "account.sign-in.limited";
    public const string SignOut = "account.sign-out";
    public const string UnitCreate = "unit.create";
    public const string UnitMove = "unit.move";
    public const string UnitMerge = "unit.merge";
    /// <summary>A unit's quota of a year created or changed (quota page or API): the year, the total before and after.</summary>
    public const string QuotaAssign = "quota.assign";
    public const string CategoryAdd = "category.add";
    public const string CategoryRename = "category.rename";
    public const string CategoryRetire = "category.retire";
    public const string CategoryRestore = "category.restore";
    public const string CandidateDetailsCorrect = "candidate.details.correct";

    /// <summary>A drafted paper (DOCX) of a file, or a batch of them for a unit and a range of dates.</summary>
    public const string PaperDownload = "paper.download";
    public const string ImportUnits = "import.units";
    public const string ImportMembers = "import.members";
    public const string ImportCandidates = "import.candidates";
    public const string ImportExits = "import.exits";
    public const string ImportQuotas = "import.quotas";
    public const string ImportCategories = "import.categories";
    public const string RemindersSubscribe = "account.reminders.subscribe";
    public const string RemindersConfirm = "account.reminders.confirm";
    public const string RemindersUnsubscribe = "account.reminders.unsubscribe";

    /// <summary>Every action code, in the order declared here: what the audit page offers to filter by.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>The action of a file imported of the given kind.</summary>
    public static string Import(ImportKind kind) => kind switch
    {
        ImportKind.Units => ImportUnits,
        ImportKind.Members => ImportMembers,
        ImportKind.Candidates => ImportCandidates,
        ImportKind.Exits => ImportExits,
        ImportKind.Quotas => ImportQuotas,
        ImportKind.Categories => ImportCategories,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The subject of a source category's entries: <c>category:CODE</c>.</summary>
    public static string CategorySubject(string code) => "category:" + code;

    /// <summary>The subject of a unit's entries: <c>unit:ID</c>.</summary>
    public static string UnitSubject(int unitId) => "unit:" + unitId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The subject of a candidate file's entries: <c>candidate:ID</c>.</summary>
    public static string CandidateSubject(int candidateId) => "candidate:" + candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The subject of an account's entries: <c>user:NAME</c>.</summary>
    public static string UserSubject(string userName) => "user:" + userName;
}
