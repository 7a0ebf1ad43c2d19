using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DangVien.Core.Features.Papers;

/// <summary>
/// Writes drafted papers as one DOCX for Word or LibreOffice, laid out as Hướng dẫn 36-HD/VPTW asks of a party
/// document: A4, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt (the title 16 pt, the
/// recipients 12 pt); the unit block and the party heading side by side in a borderless table, the heading underlined,
/// the place and date in italics; the title bold and centred; the body justified; the signature block on the right and
/// "Nơi nhận:" on the left. Several papers come one after another, a page break between them.
/// </summary>
public static class DocxPaperWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Font = "Times New Roman";
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 1134;
    private const int MarginBottom = 1134;
    private const int MarginLeft = 1701;
    private const int MarginRight = 851;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;
    private const int LeftColumn = 4600;

    public static byte[] Write(IReadOnlyList<PaperDraft> papers)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            var body = new Body();
            for (var i = 0; i < papers.Count; i++)
            {
                if (i > 0)
                {
                    body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                }

                Append(body, papers[i]);
            }

            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            document.PackageProperties.Title = papers.Count == 1 ? $"{PaperForms.Code(papers[0].Kind)} {papers[0].CandidateName}" : string.Join(", ", papers.Select(p => PaperForms.Code(p.Kind)).Distinct());
            document.PackageProperties.Creator = "DangVien";
        }

        return stream.ToArray();
    }

    private static void Append(Body body, PaperDraft paper)
    {
        var unitBlock = new List<Paragraph>();
        if (paper.UpperUnit is not null)
        {
            unitBlock.Add(Line(paper.UpperUnit, JustificationValues.Center));
        }

        unitBlock.Add(Line(paper.IssuingUnit, JustificationValues.Center, bold: true));
        unitBlock.Add(Line("*", JustificationValues.Center));
        unitBlock.Add(Line(paper.NumberLine, JustificationValues.Center));
        body.Append(TwoColumns(unitBlock,
        [
            Line(PaperText.Get("Heading.Party"), JustificationValues.Center, bold: true, underline: true, size: 30),
            Line("", JustificationValues.Center),
            Line(paper.PlaceDateLine, JustificationValues.Center, italic: true),
        ]));

        body.Append(Line("", JustificationValues.Center));
        body.Append(Line(paper.Title, JustificationValues.Center, bold: true, size: 32));
        if (paper.Subtitle is not null)
        {
            body.Append(Line(paper.Subtitle, JustificationValues.Center, bold: true));
        }

        body.Append(Line("-----", JustificationValues.Center));
        foreach (var paragraph in paper.Body)
        {
            body.Append(paragraph.Style switch
            {
                PaperParagraphStyle.Heading => Line(paragraph.Text, JustificationValues.Center, bold: true, spaceBefore: 120),
                PaperParagraphStyle.Basis => Line(paragraph.Text, JustificationValues.Both, italic: true, indent: true),
                _ => Line(paragraph.Text, JustificationValues.Both, indent: true),
            });
        }

        body.Append(Line("", JustificationValues.Left));
        var recipients = new List<Paragraph> { Line(PaperText.Get("Recipients.Heading"), JustificationValues.Left, bold: true, italic: true, size: 24) };
        recipients.AddRange(paper.Recipients.Select(r => Line(r, JustificationValues.Left, size: 22)));
        body.Append(TwoColumns(recipients,
        [
            Line(paper.SignatureOnBehalf, JustificationValues.Center, bold: true),
            Line(paper.SignatureTitle, JustificationValues.Center, bold: true),
            Line("", JustificationValues.Center),
            Line("", JustificationValues.Center),
            Line("", JustificationValues.Center),
            Line(paper.Signer, JustificationValues.Center, bold: true),
        ]));
    }

    /// <summary>A borderless two-column table: the unit block and the heading, or the recipients and the signature.</summary>
    private static Table TwoColumns(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right)
    {
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
            new LeftBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil },
            new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil });
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                none),
            new TableGrid(new GridColumn { Width = Twips(LeftColumn) }, new GridColumn { Width = Twips(TextWidth - LeftColumn) }));
        table.Append(new TableRow(Cell(LeftColumn, left), Cell(TextWidth - LeftColumn, right)));
        return table;
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph Line(
        string text, JustificationValues justification, bool bold = false, bool italic = false, bool underline = false, int size = 28, bool indent = false, int spaceBefore = 0)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = Twips(spaceBefore), After = indent ? "60" : "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = justification });
        if (indent)
        {
            properties.Append(new Indentation { FirstLine = "567" });
        }

        var runProperties = new RunProperties();
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        if (italic)
        {
            runProperties.Append(new Italic());
        }

        if (underline)
        {
            runProperties.Append(new Underline { Val = UnderlineValues.Single });
        }

        runProperties.Append(new FontSize { Val = Twips(size) }, new FontSizeComplexScript { Val = Twips(size) });
        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "28" },
                new FontSizeComplexScript { Val = "28" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
