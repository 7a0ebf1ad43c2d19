using DangVien.Core.Common;

namespace DangVien.Core.Domain;

/// <summary>
/// The names of the domain's enumerations, shared by messages and pages: Vietnamese, or English when the interface
/// is in English (<see cref="CoreText"/>).
/// </summary>
public static class VietnameseNames
{
    public static string Of(OrgUnitKind kind) => CoreText.Find("UnitKind." + kind) ?? kind.ToString();

    public static string Of(CandidateStage stage) => CoreText.Find("StageShort." + stage) ?? stage.ToString();

    public static string Of(MemberStatus status) => CoreText.Find("MemberStatus." + status) ?? status.ToString();

    public static string Of(Sex sex) => CoreText.Get(sex == Sex.Female ? "Sex.Female" : "Sex.Male");
}
