using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Calendar;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Every rule of the admission procedure (DOMAIN.md, "The stages, in order"), in one place. Pure:
/// it reads the facts it is given and returns the refusals, each on the request field concerned,
/// with a Vietnamese message that names the rule. <see cref="AdmissionService"/> calls it before
/// every write; the read model and the alerts use its deadlines.
/// </summary>
/// <remarks>
/// <para>One class, one file per section: <c>AdmissionRules.Dates.cs</c> (dates and deadlines),
/// <c>.StageOrder.cs</c> (order of stages), <c>.Eligibility.cs</c> (age, education, certificate, dossier,
/// readmission waits), <c>.Votes.cs</c>, <c>.Introducers.cs</c> (introducers and helpers), <c>.Actions.cs</c>
/// (the check before each step), <c>.Timeline.cs</c> (a whole history, a correction) and
/// <c>.NextActions.cs</c> (the texts of the next actions, in a table keyed by action). This file holds
/// the constants and the small helpers they share.</para>
/// <para>Counting months. "N months from a day" ends on the same day-of-month N months later; when
/// that month has no such day (a start on 29, 30 or 31) the period ends on the first day of the next
/// month (<see cref="MonthsAfter"/>). So:</para>
/// <list type="bullet">
/// <item>age: born 2008-05-20 is 18 from 2026-05-20; born 2008-02-29 is 18 from 2026-03-01. Age is
/// counted in whole months: someone is "at most 60" while fewer than 60 years and 1 month have
/// passed, so the first day past 60 years is the 60th birthday plus one month.</item>
/// <item>probation: 12 months from the ceremony day included. A ceremony on 2024-03-15 makes
/// probation run to 2025-03-14 (the day before the same date next year); the member is official from
/// 2025-03-15 (<see cref="OfficialFrom"/>, stored as <see cref="Member.RecognisedOn"/>). A ceremony
/// on 2024-02-29 runs to 2025-02-28; official from 2025-03-01.</item>
/// <item>certificate: valid 60 months from its date, that day included; issued 2021-05-20 it is
/// valid up to 2026-05-19.</item>
/// <item>dossier: fresh for 12 months from the introduction (or its latest renewal), that day included.</item>
/// </list>
/// <para>Working-day deadlines use <see cref="WorkingDayCalendar.AddWorkingDays"/>: "within 60
/// working days of the resolution" means up to and including the 60th working day after it.</para>
/// </remarks>
public static partial class AdmissionRules
{
    public const int MinimumAgeYears = 18;
    public const int MaximumAgeYears = 60;
    public const int DecisionWorkingDays = 60;
    public const int ExtensionWorkingDays = 30;
    public const int CeremonyWorkingDays = 30;
    public const int ProbationMonths = 12;
    public const int RecognitionVoteWorkingDays = 30;
    public const int RecognitionDecisionWorkingDays = 30;
    public const int MaximumFailedRecognitionVotes = 3;

    /// <summary>A cell that does not exist or lies outside the user's scope: the same words for both.</summary>
    public static string CellNotFound => CoreText.Get("Rules.CellNotFound");
    public const int IntroducerKnownMonths = 12;
    public const int ReadmissionWaitMonths = 36;
    public const int ReadmissionWaitAfterConvictionMonths = 60;

    // ------------------------------------------------------------- helpers

    private static void AddIfNotNull<T>(this List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }

    private static string D(DateOnly date) => date.Display();

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpper(text[0], VietnamTime.Culture) + text[1..];
}
