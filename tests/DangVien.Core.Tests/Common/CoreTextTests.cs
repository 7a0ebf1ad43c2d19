using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DangVien.Core.Common;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;

namespace DangVien.Core.Tests.Common;

/// <summary>Core's text resources: both languages hold the same keys, every code has its name, and the language follows the UI culture.</summary>
public sealed partial class CoreTextTests
{
    private static string Resources => Path.Combine(Testing.PostgresServer.RepositoryRoot(), "src", "DangVien.Core", "Resources");

    private static Dictionary<string, string> Values(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [Fact]
    public void The_Vietnamese_and_the_English_resources_hold_the_same_keys_and_placeholders()
    {
        var vietnamese = Values("CoreText.resx");
        var english = Values("CoreText.en.resx");

        Assert.Equal(vietnamese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(vietnamese.Where(v => !Placeholders(v.Value).SequenceEqual(Placeholders(english[v.Key])))
            .Select(v => $"{v.Key}: {v.Value} / {english[v.Key]}"));
        // The procedure's form codes ("6-KNĐ") keep their names in English.
        Assert.Empty(english.Where(e => Vietnamese().IsMatch(e.Value.Replace("KNĐ", "", StringComparison.Ordinal))).Select(e => $"{e.Key}: {e.Value}"));
    }

    [Fact]
    public void Every_key_Core_asks_for_is_in_the_resources()
    {
        var keys = Values("CoreText.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var core = Path.Combine(Testing.PostgresServer.RepositoryRoot(), "src", "DangVien.Core");
        var used = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    [Fact]
    public void Every_code_a_user_reads_has_a_name_in_both_languages()
    {
        string[] names() =>
        [
            .. Enum.GetValues<OrgUnitKind>().Select(VietnameseNames.Of),
            .. Enum.GetValues<CandidateStage>().Select(VietnameseNames.Of),
            .. Enum.GetValues<MemberStatus>().Select(VietnameseNames.Of),
            .. Enum.GetValues<CandidateStage>().Select(AdmissionLabels.Of),
            .. Enum.GetValues<StageKind>().Select(AdmissionLabels.Of),
            .. Enum.GetValues<AdmissionAction>().Select(AdmissionLabels.Of),
            .. Enum.GetValues<ExitReason>().Select(AdmissionLabels.Of),
            .. Enum.GetValues<EligibilityExceptionKind>().Select(AdmissionLabels.Of),
            .. Enum.GetValues<IntroductionBasis>().Select(AdmissionLabels.Of),
            .. Enum.GetValues<GeneralEducation>().Select(AdmissionLabels.Of),
            .. Enum.GetValues<AccessRole>().Select(AccessLabels.Of),
            .. Enum.GetValues<AccessRole>().Select(AccessLabels.Describe),
            .. Enum.GetValues<AlertKind>().Select(AlertLabels.Of),
        ];

        var vietnamese = InCulture("vi-VN", names);
        var english = InCulture("en", names);

        Assert.Equal(vietnamese.Length, english.Length);
        Assert.All(vietnamese, v => Assert.Matches(Vietnamese(), v));
        Assert.All(english, e => Assert.DoesNotMatch(Vietnamese(), e.Replace("KNĐ", "", StringComparison.Ordinal)));
        Assert.All(english, e => Assert.DoesNotContain(e, vietnamese));
    }

    [Fact]
    public void English_is_read_only_for_the_apps_en_culture_every_other_culture_reads_Vietnamese()
    {
        Assert.Equal("Chi bộ đã biểu quyết đề nghị kết nạp", InCulture("vi-VN", () => AdmissionLabels.Of(CandidateStage.CellVoted)));
        Assert.Equal("Cell has voted to propose admission", InCulture("en", () => AdmissionLabels.Of(CandidateStage.CellVoted)));
        Assert.Equal("Chi bộ đã biểu quyết đề nghị kết nạp", InCulture("en-US", () => AdmissionLabels.Of(CandidateStage.CellVoted)));
        Assert.Equal("Chi bộ đã biểu quyết đề nghị kết nạp", InCulture("", () => AdmissionLabels.Of(CandidateStage.CellVoted)));
        Assert.Equal("Đảng ủy xã/phường", InCulture("en", () => CoreText.InVietnamese(() => VietnameseNames.Of(OrgUnitKind.CommuneCommittee))));
        Assert.Equal("en", InCulture("en", () => { CoreText.InVietnamese(() => 0); return CultureInfo.CurrentUICulture.Name; }));
    }

    [Fact]
    public void A_built_in_category_reads_in_English_unless_the_province_renamed_it()
    {
        Assert.Equal("Youth Union member", InCulture("en", () => DefaultSourceCategories.Shown(DefaultSourceCategories.YouthUnion, "Đoàn viên thanh niên")));
        Assert.Equal("Đoàn viên thanh niên", InCulture("vi-VN", () => DefaultSourceCategories.Shown(DefaultSourceCategories.YouthUnion, "Đoàn viên thanh niên")));
        Assert.Equal("Đoàn viên TNCS", InCulture("en", () => DefaultSourceCategories.Shown(DefaultSourceCategories.YouthUnion, "Đoàn viên TNCS")));
        Assert.Equal("Cán bộ hưu trí", InCulture("en", () => DefaultSourceCategories.Shown("can-bo-huu-tri", "Cán bộ hưu trí")));
        Assert.All(DefaultSourceCategories.All, c => Assert.DoesNotMatch(Vietnamese(), InCulture("en", () => DefaultSourceCategories.Shown(c.Code, c.Name))));
    }

    internal static T InCulture<T>(string culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>
    /// A key handed to <c>CoreText</c>: <c>CoreText.Get("Rule.X")</c>, <c>Format</c> or <c>Find</c>; or a field label the
    /// validators look up when a message is built (<c>.Id("Label.Cell")</c>).
    /// </summary>
    [GeneratedRegex("""CoreText\.(?:Get|Format|Find)\("(?<key>[^"]+)"[,)]|"(?<key>Label\.[A-Za-z]+)"[,)]""")]
    private static partial Regex Key();

    [GeneratedRegex("[À-ỹ]")]
    private static partial Regex Vietnamese();
}
