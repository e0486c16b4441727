using System.Globalization;
using System.Net;
using System.Text;
using ExoSim.Reports.Glossary;

namespace ExoSim.Reports.Html;

/// <summary>
/// Builds one self-contained HTML page: inline CSS, figures as PNG data URIs, no scripts and no external resources,
/// so a report opens offline and can be mailed as one file. Every text is HTML-encoded; the research-use notice is
/// always shown at the top and the bottom. With <see cref="LinkTerms"/>, the first mention of each glossary term in a
/// paragraph or a linked table cell links to its entry in the page's Glossary section (<see cref="GlossarySection"/>).
/// </summary>
public sealed class HtmlReportBuilder
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2rem auto; max-width: 1100px; color: #1b1b1b; line-height: 1.45; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid #ccd; padding-bottom: 0.2rem; margin-top: 2rem; }
        .subtitle { color: #555; margin-top: 0; }
        .notice { background: #fff4e5; border: 1px solid #f0b46a; border-radius: 4px; padding: 0.6rem 0.9rem; }
        table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.92rem; }
        th, td { border: 1px solid #d5d8e0; padding: 0.25rem 0.55rem; text-align: left; vertical-align: top; }
        th { background: #f1f3f8; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure { margin: 1rem 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #e3e5ea; }
        figcaption { color: #444; font-size: 0.9rem; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 0.8rem; }
        footer { margin-top: 2.5rem; color: #555; font-size: 0.85rem; }
        a.term { color: inherit; text-decoration: underline dotted; }
        dl.glossary dt { font-weight: bold; margin-top: 0.9rem; }
        dl.glossary dt .aliases { font-weight: normal; color: #555; }
        dl.glossary dd { margin-left: 1.2rem; }
        dl.glossary dd p { margin: 0.25rem 0; }
        dl.glossary .sources { color: #444; font-size: 0.88rem; }
        """;

    private readonly StringBuilder body = new();
    private readonly List<ReportTerm> terms = [];
    private readonly List<ReportFigure> figures = [];
    private readonly HashSet<string> linkedAnchors = new(StringComparer.Ordinal);
    private readonly string title;
    private readonly string notice;

    /// <summary>Starts a page.</summary>
    /// <param name="title">The page's title (also its heading).</param>
    /// <param name="subtitle">One line under the heading (e.g. model and subject).</param>
    /// <param name="notice">The research-use notice shown at the top and bottom.</param>
    public HtmlReportBuilder(string title, string subtitle, string notice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(subtitle);
        ArgumentException.ThrowIfNullOrWhiteSpace(notice);
        this.title = title;
        this.notice = notice;
        body.Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        body.Append("<p class=\"subtitle\">").Append(Encode(subtitle)).Append("</p>\n");
        body.Append("<p class=\"notice\" id=\"notice\">").Append(Encode(notice)).Append("</p>\n");
    }

    /// <summary>
    /// The glossary terms of this page: from now on, the first mention of each (any of its phrases, ignoring case, as a
    /// whole word) in a paragraph or linked table cell becomes a link to its entry. Call before adding content.
    /// </summary>
    public HtmlReportBuilder LinkTerms(IEnumerable<ReportTerm> reportTerms)
    {
        ArgumentNullException.ThrowIfNull(reportTerms);
        terms.AddRange(reportTerms);
        return this;
    }

    /// <summary>The anchors of the terms linked so far.</summary>
    public IReadOnlyCollection<string> LinkedAnchors => linkedAnchors;

    /// <summary>A section heading; <paramref name="id"/> is its anchor (letters, digits and dashes).</summary>
    public HtmlReportBuilder Section(string heading, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        body.Append("<h2 id=\"").Append(Encode(id)).Append("\">").Append(Encode(heading)).Append("</h2>\n");
        return this;
    }

    /// <summary>A paragraph of plain text.</summary>
    public HtmlReportBuilder Paragraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        body.Append("<p>").Append(EncodeLinkingTerms(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A paragraph of plain text when there is one (e.g. a file's optional description); nothing otherwise.</summary>
    public HtmlReportBuilder OptionalParagraph(string? text) => string.IsNullOrEmpty(text) ? this : Paragraph(text);

    /// <summary>A smaller heading inside a section.</summary>
    public HtmlReportBuilder Subheading(string heading)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        body.Append("<h3>").Append(Encode(heading)).Append("</h3>\n");
        return this;
    }

    /// <summary>A bulleted list of plain-text items.</summary>
    public HtmlReportBuilder BulletList(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        body.Append("<ul>\n");
        foreach (string item in items)
        {
            body.Append("<li>").Append(Encode(item)).Append("</li>\n");
        }

        body.Append("</ul>\n");
        return this;
    }

    /// <summary>A two-column table of quantities and their values; the quantities link glossary terms.</summary>
    public HtmlReportBuilder KeyValues(string id, IEnumerable<(string Quantity, string Value)> rows)
        => Table(id, ["Quantity", "Value"], rows.Select(r => new[] { r.Quantity, r.Value }), numericColumns: [], linkedColumns: [0]);

    /// <summary>
    /// A table with a header row; cells of <paramref name="numericColumns"/> are right-aligned, and those of
    /// <paramref name="linkedColumns"/> link glossary terms.
    /// </summary>
    public HtmlReportBuilder Table(string id, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyCollection<int> numericColumns, IReadOnlyCollection<int>? linkedColumns = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(numericColumns);
        linkedColumns ??= [];
        body.Append("<table id=\"").Append(Encode(id)).Append("\">\n<thead><tr>");
        foreach (string cell in header)
        {
            body.Append("<th>").Append(Encode(cell)).Append("</th>");
        }

        body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            body.Append("<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                body.Append(numericColumns.Contains(c) ? "<td class=\"num\">" : "<td>")
                    .Append(linkedColumns.Contains(c) ? EncodeLinkingTerms(row[c]) : Encode(row[c]))
                    .Append("</td>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</tbody>\n</table>\n");
        return this;
    }

    /// <summary>Every figure of the page so far, by its element id (e.g. to save them as PNG files next to the page).</summary>
    public IReadOnlyList<ReportFigure> Figures => figures;

    /// <summary>A PNG figure embedded as a data URI, with its caption (also the image's alternative text).</summary>
    public HtmlReportBuilder Figure(string id, byte[] png, string caption)
    {
        body.Append(FigureHtml(id, png, caption));
        return this;
    }

    /// <summary>Several small PNG figures side by side.</summary>
    public HtmlReportBuilder FigureGrid(string id, IEnumerable<(byte[] Png, string Caption)> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        body.Append("<div class=\"grid\" id=\"").Append(Encode(id)).Append("\">\n");
        int index = 0;
        foreach (var (png, caption) in figures)
        {
            body.Append(FigureHtml(string.Create(CultureInfo.InvariantCulture, $"{id}-{index++}"), png, caption));
        }

        body.Append("</div>\n");
        return this;
    }

    /// <summary>
    /// The "Glossary" section: every term given to <see cref="LinkTerms"/>, each under its anchor with its definition,
    /// its place in ExoSim, its fun fact and its sources (as text, so that the page stays self-contained).
    /// </summary>
    public HtmlReportBuilder GlossarySection()
    {
        Section("Glossary", "glossary");
        body.Append("<dl class=\"glossary\" id=\"glossary-list\">\n");
        foreach (var entry in terms.Select(t => t.Entry).Distinct())
        {
            body.Append("<dt id=\"").Append(Encode(entry.Anchor)).Append("\">").Append(Encode(entry.Term));
            if (entry.Aliases.Count > 0)
            {
                body.Append(" <span class=\"aliases\">(").Append(Encode(string.Join(", ", entry.Aliases))).Append(")</span>");
            }

            body.Append("</dt>\n<dd>");
            body.Append("<p>").Append(Encode(entry.Definition)).Append("</p>");
            body.Append("<p><strong>In ExoSim:</strong> ").Append(EncodeCode(entry.InExoSim)).Append("</p>");
            if (entry.FunFact is { } funFact)
            {
                body.Append("<p><strong>Fun fact:</strong> ").Append(Encode(funFact)).Append("</p>");
            }

            body.Append("<p class=\"sources\">Sources: ").Append(Encode(string.Join(" · ", entry.Sources))).Append("</p></dd>\n");
        }

        body.Append("</dl>\n");
        return this;
    }

    /// <summary>The complete page.</summary>
    public string Build()
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        page.Append(body);
        page.Append("<footer><p>").Append(Encode(notice)).Append("</p></footer>\n</body>\n</html>\n");
        return page.ToString();
    }

    private string FigureHtml(string id, byte[] png, string caption)
    {
        figures.Add(new ReportFigure(id, png));
        ArgumentNullException.ThrowIfNull(png);
        ArgumentException.ThrowIfNullOrWhiteSpace(caption);
        return $"<figure id=\"{Encode(id)}\"><img alt=\"{Encode(caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"><figcaption>{Encode(caption)}</figcaption></figure>\n";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Encodes text, with the parts between backticks as &lt;code&gt;.</summary>
    private static string EncodeCode(string text)
        => string.Concat(text.Split('`').Select((part, i) => i % 2 == 1 ? $"<code>{Encode(part)}</code>" : Encode(part)));

    /// <summary>Encodes text and links the first mention in the page of each term not linked yet.</summary>
    private string EncodeLinkingTerms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder();
        int position = 0;
        while (FirstMention(text, position) is var (index, length, anchor))
        {
            html.Append(Encode(text[position..index]))
                .Append("<a class=\"term\" href=\"#").Append(Encode(anchor)).Append("\">")
                .Append(Encode(text.Substring(index, length))).Append("</a>");
            linkedAnchors.Add(anchor);
            position = index + length;
        }

        return html.Append(Encode(text[position..])).ToString();
    }

    /// <summary>The earliest (then longest) whole-word mention at or after <paramref name="start"/> of a term not linked yet.</summary>
    private (int Index, int Length, string Anchor)? FirstMention(string text, int start)
    {
        (int Index, int Length, string Anchor)? best = null;
        foreach (var term in terms)
        {
            string anchor = term.Entry.Anchor;
            if (linkedAnchors.Contains(anchor))
            {
                continue;
            }

            foreach (string phrase in term.Phrases)
            {
                int index = WholeWordIndex(text, phrase, start);
                if (index >= 0 && (best is null || index < best.Value.Index || (index == best.Value.Index && phrase.Length > best.Value.Length)))
                {
                    best = (index, phrase.Length, anchor);
                }
            }
        }

        return best;
    }

    /// <summary>Where <paramref name="phrase"/> occurs (ignoring case) not inside a longer word; a plural 's' may follow.</summary>
    private static int WholeWordIndex(string text, string phrase, int start)
    {
        for (int index = text.IndexOf(phrase, start, StringComparison.OrdinalIgnoreCase); index >= 0; index = text.IndexOf(phrase, index + 1, StringComparison.OrdinalIgnoreCase))
        {
            int end = index + phrase.Length;
            if (end < text.Length && text[end] == 's')
            {
                end++;
            }

            bool startsWord = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            bool endsWord = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (startsWord && endsWord)
            {
                return index;
            }
        }

        return -1;
    }
}
