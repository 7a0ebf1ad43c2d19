namespace DangVien.Core.Features.Papers;

/// <summary>
/// One drafted paper laid out as Hướng dẫn 36-HD/VPTW orders a party document: the unit block (the upper unit, the
/// issuing unit, "*", the number and symbol) on the left, the national party heading and the place and date on the
/// right, the title, the body, the signature block and the recipients. Text in square brackets is for the staff to
/// complete (<see cref="PaperText"/> "Placeholder.*").
/// </summary>
public sealed record PaperDraft
{
    public required PaperKind Kind { get; init; }

    public required int CandidateId { get; init; }

    public required string CandidateName { get; init; }

    /// <summary>The entry of the file the paper comes from.</summary>
    public required long EntryId { get; init; }

    /// <summary>The upper unit's name, in capitals (upper line of the unit block); null at the top of the tree.</summary>
    public string? UpperUnit { get; init; }

    /// <summary>The issuing body, in capitals (bold line of the unit block).</summary>
    public required string IssuingUnit { get; init; }

    /// <summary>"Số: 12-NQ/CB" (a placeholder number when the file has none).</summary>
    public required string NumberLine { get; init; }

    /// <summary>"[địa danh], ngày 05 tháng 05 năm 2025".</summary>
    public required string PlaceDateLine { get; init; }

    public required string Title { get; init; }

    /// <summary>The line under the title ("đề nghị kết nạp đảng viên").</summary>
    public string? Subtitle { get; init; }

    public required IReadOnlyList<PaperParagraph> Body { get; init; }

    /// <summary>"T/M CHI BỘ".</summary>
    public required string SignatureOnBehalf { get; init; }

    /// <summary>"BÍ THƯ".</summary>
    public required string SignatureTitle { get; init; }

    /// <summary>The signer's name: a placeholder, the app does not know who signs.</summary>
    public required string Signer { get; init; }

    /// <summary>The lines after "Nơi nhận:".</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    /// <summary>Every line of the paper in reading order (the tests and the batch's contents read it).</summary>
    public IEnumerable<string> Lines()
    {
        if (UpperUnit is not null)
        {
            yield return UpperUnit;
        }

        yield return IssuingUnit;
        yield return NumberLine;
        yield return PaperText.Get("Heading.Party");
        yield return PlaceDateLine;
        yield return Title;
        if (Subtitle is not null)
        {
            yield return Subtitle;
        }

        foreach (var paragraph in Body)
        {
            yield return paragraph.Text;
        }

        yield return SignatureOnBehalf;
        yield return SignatureTitle;
        yield return Signer;
        foreach (var recipient in Recipients)
        {
            yield return recipient;
        }
    }
}

/// <summary>How a paragraph of the body is set.</summary>
public enum PaperParagraphStyle
{
    /// <summary>Justified, first line indented.</summary>
    Text = 0,

    /// <summary>Centred and bold: "ĐẢNG ỦY XÃ … QUYẾT ĐỊNH", "QUYẾT NGHỊ".</summary>
    Heading = 1,

    /// <summary>Justified, first line indented, italic: the "Căn cứ …" lines of a decision.</summary>
    Basis = 2,
}

public sealed record PaperParagraph(string Text, PaperParagraphStyle Style = PaperParagraphStyle.Text);
