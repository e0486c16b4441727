namespace ExoSim.Reports.Html;

/// <summary>A figure of a report: its element id in the page and its PNG bytes.</summary>
/// <param name="Id">The figure's id (unique in the page; also a file name for plots/).</param>
/// <param name="Png">The PNG image.</param>
public sealed record ReportFigure(string Id, byte[] Png);

/// <summary>A rendered report: the page and every figure in it.</summary>
/// <param name="Html">The self-contained HTML page.</param>
/// <param name="Figures">Its figures, in page order.</param>
public sealed record RenderedReport(string Html, IReadOnlyList<ReportFigure> Figures);
