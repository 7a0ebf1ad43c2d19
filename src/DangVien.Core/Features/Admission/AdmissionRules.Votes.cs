using DangVien.Core.Common;

namespace DangVien.Core.Features.Admission;

// Votes: two thirds of the cell's official members, and the counts of a vote.
public static partial class AdmissionRules
{
    /// <summary>Two thirds of the cell's official members in favour (not of those present).</summary>
    public static bool PassesTwoThirds(int officialMembers, int inFavour) => (long)inFavour * 3 >= (long)officialMembers * 2;

    /// <summary>The fewest votes in favour that pass (<see cref="PassesTwoThirds"/>): 30 of 44, 16 of 24, 2 of 3.</summary>
    public static int InFavourNeeded(int officialMembers) => (int)((((long)officialMembers * 2) + 2) / 3);

    /// <summary>In favour ≤ present ≤ official members.</summary>
    public static IEnumerable<FieldError> VoteCounts(int officialMembers, int present, int inFavour)
    {
        if (present > officialMembers)
        {
            yield return new FieldError("Present", $"Số đảng viên có mặt ({present}) không thể lớn hơn số đảng viên "
                + $"chính thức của chi bộ ({officialMembers}).");
        }

        if (inFavour > present)
        {
            yield return new FieldError("InFavour", $"Số đảng viên tán thành ({inFavour}) không thể lớn hơn số đảng "
                + $"viên có mặt ({present}).");
        }
    }
}
