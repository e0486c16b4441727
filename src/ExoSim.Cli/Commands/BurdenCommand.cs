using System.CommandLine;
using System.Globalization;
using ExoSim.Burden;
using ExoSim.Burden.Atlas;
using ExoSim.Burden.Therapy;
using ExoSim.Reports.Burden;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim burden [--region R] [--from Y --to Y] [--therapy-effect E | --from-trial DIR] [--uptake U] [--incidence O=N]…</c>:
/// adults with diabetes by year from the IDF Diabetes Atlas and, with a therapy scenario, complications averted
/// (UKPDS 35), with Monte Carlo intervals. Writes DIR/burden.csv, DIR/plots/*.png, DIR/report.html and DIR/summary.json.
/// </summary>
internal static class BurdenCommand
{
    private const string DefaultOutput = "exosim-out/burden";

    public static Command Create(CliContext context)
    {
        var region = new Option<string>("--region") { Description = "IDF region: GLOBAL, AFR, SEA or WP (the regions whose figures could be checked).", HelpName = "R", DefaultValueFactory = _ => DiabetesAtlas.Global };
        var from = new Option<int?>("--from") { Description = "First year (default: the first Atlas anchor, 2021).", HelpName = "YEAR" };
        var to = new Option<int?>("--to") { Description = "Last year (default: the last Atlas anchor, 2045).", HelpName = "YEAR" };
        var effect = new Option<string?>("--therapy-effect") { Description = "HbA1c change in treated people, e.g. \"-0.8 %HbA1c\" or \"-9 mmol/mol\" (negative = lower).", HelpName = "CHANGE" };
        var fromTrial = new Option<string?>("--from-trial") { Description = "Take the HbA1c difference and its 95 % CI from a trial's summary.json (DIR or the file).", HelpName = "DIR" };
        var uptake = new Option<string?>("--uptake") { Description = "Share of adults with diabetes on therapy: \"5 %/year up to 30 %\" or \"30 %\".", HelpName = "UPTAKE" };
        var incidence = new Option<string[]>("--incidence")
        {
            Description = "Baseline incidence of an outcome, events per 1,000 person-years (repeatable): any_diabetes_endpoint, diabetes_related_death, myocardial_infarction, microvascular. Needed for events averted.",
            HelpName = "OUTCOME=RATE",
            AllowMultipleArgumentsPerToken = false,
        };
        var draws = new Option<int>("--draws") { Description = "Monte Carlo draws.", HelpName = "N", DefaultValueFactory = _ => TherapyScenario.DefaultDraws };
        var seed = new Option<long>("--seed") { Description = "Random seed of the Monte Carlo: the same seed gives the same intervals.", HelpName = "S", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out", "-o") { Description = "Output directory (created if missing).", HelpName = "DIR", DefaultValueFactory = _ => DefaultOutput };
        var json = new Option<bool>("--json") { Description = "Print summary.json on standard output instead of the tables." };
        var command = new Command(
            "burden",
            "Diabetes burden from the IDF Diabetes Atlas (adults 20–79, by year, interpolated between the Atlas years) and what a therapy's "
            + "HbA1c effect and uptake would change in complications (UKPDS 35 relations, Monte Carlo intervals). Writes DIR/burden.csv, "
            + "DIR/plots/, DIR/report.html and DIR/summary.json. Illustrative scenario analysis; research tool, not medical advice.")
        {
            region, from, to, effect, fromTrial, uptake, incidence, draws, seed, output, json,
        };
        command.SetAction(parse => Execute(
            context,
            new Request(
                parse.GetValue(region)!,
                parse.GetValue(from),
                parse.GetValue(to),
                parse.GetValue(effect),
                parse.GetValue(fromTrial),
                parse.GetValue(uptake),
                parse.GetValue(incidence) ?? [],
                parse.GetValue(draws),
                parse.GetValue(seed)),
            parse.GetValue(output)!,
            parse.GetValue(json)));
        context.AddExamples(
            command,
            "exosim burden",
            "exosim burden --region WP --from 2021 --to 2030",
            "exosim burden --therapy-effect \"-0.8 %HbA1c\" --uptake \"5 %/year up to 30 %\" --incidence microvascular=20",
            "exosim burden --from-trial exosim-out/my-trial --uptake \"10 %\" --json");
        return command;
    }

    private sealed record Request(
        string Region, int? From, int? To, string? Effect, string? FromTrial, string? Uptake, string[] Incidences, int Draws, long Seed);

    private static int Execute(CliContext context, Request request, string directory, bool json)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new UsageException("--out needs a directory name.");
        }

        BurdenResult result;
        try
        {
            result = BurdenAnalysis.Run(BuildScenario(request));
        }
        catch (BurdenInputException exception)
        {
            throw new UsageException(exception.Message, exception);
        }

        string summaryText = CliJson.Serialize(BurdenSummary.Build(result, CliContext.Version, BurdenReport.Notice));
        var files = BurdenOutput.Write(directory, result, summaryText, CliContext.Version);
        if (json)
        {
            context.Out.Write(summaryText);
            return ExitCodes.Ok;
        }

        context.QuietResult(files.Summary);
        var console = context.CreateConsole();
        console.Write(CasesTable(result));
        if (result.Therapy is { } therapy)
        {
            console.Write(OutcomeTable(therapy));
        }

        console.WriteLine(BurdenReport.Notice);
        console.WriteLine($"Table written to {files.Csv}");
        console.WriteLine($"Report written to {files.Report}");
        console.WriteLine($"Summary written to {files.Summary}");
        return ExitCodes.Ok;
    }

    private static BurdenScenario BuildScenario(Request request)
    {
        var region = DiabetesAtlas.Region(request.Region);
        int from = request.From ?? region.FirstAnchorYear;
        int to = request.To ?? region.LastAnchorYear;
        if (request.Effect is not null && request.FromTrial is not null)
        {
            throw new BurdenInputException("--therapy-effect", "give either --therapy-effect or --from-trial, not both.");
        }

        HbA1cEffect? effect = request.Effect is not null ? HbA1cEffect.Parse(request.Effect)
            : request.FromTrial is not null ? ReadTrialEffect(request.FromTrial)
            : null;
        if (effect is null)
        {
            foreach (var (name, given) in new[] { ("--uptake", request.Uptake is not null), ("--incidence", request.Incidences.Length > 0) })
            {
                if (given)
                {
                    throw new BurdenInputException(name, "describes a therapy scenario; give --therapy-effect or --from-trial with it.");
                }
            }

            return new BurdenScenario(region.Code, from, to, null);
        }

        if (request.Uptake is null)
        {
            throw new BurdenInputException("--uptake", "a therapy scenario needs an uptake, e.g. --uptake \"5 %/year up to 30 %\".");
        }

        if (request.Seed < 0)
        {
            throw new BurdenInputException("--seed", $"{request.Seed} is negative; give a seed ≥ 0.");
        }

        var therapy = new TherapyScenario(effect, UptakeRamp.Parse(request.Uptake), [.. request.Incidences.Select(ParseIncidence)], request.Draws, (ulong)request.Seed);
        return new BurdenScenario(region.Code, from, to, therapy);
    }

    private static HbA1cEffect ReadTrialEffect(string path)
    {
        string file = Directory.Exists(path) ? Path.Combine(path, SimulationOutput.SummaryFileName) : path;
        if (!File.Exists(file))
        {
            throw new BurdenInputException("--from-trial", $"no trial summary at '{file}'; give a trial's output directory (with summary.json) or the file itself.");
        }

        return TrialSummaryEffect.Parse(File.ReadAllText(file), file);
    }

    private static BaselineIncidence ParseIncidence(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0
            || !double.TryParse(text[(equals + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double rate))
        {
            throw new BurdenInputException("--incidence", $"'{text}' is not OUTCOME=RATE; write e.g. microvascular=20 (events per 1,000 person-years).");
        }

        return new BaselineIncidence(text[..equals].Trim(), rate);
    }

    private static Table CasesTable(BurdenResult result)
    {
        var therapy = result.Therapy;
        var withEvents = therapy?.Outcomes.Where(o => o.EventsAvertedByYear is not null).ToList() ?? [];
        var table = new Table().Title(Markup.Escape($"exosim burden: adults 20–79 with diabetes, {result.Region.Name} ({result.Region.Code})"))
            .AddColumn("Year").AddColumn(new TableColumn("Cases (millions)").RightAligned()).AddColumn("Value");
        if (therapy is not null)
        {
            table.AddColumn(new TableColumn("Uptake %").RightAligned()).AddColumn(new TableColumn("Treated (millions)").RightAligned());
        }

        foreach (var outcome in withEvents)
        {
            table.AddColumn(new TableColumn(Markup.Escape($"{outcome.Name} averted [95 % UI]")).RightAligned());
        }

        for (int i = 0; i < result.Cases.Count; i++)
        {
            var cells = new List<string>
            {
                result.Cases[i].Year.ToString(CultureInfo.InvariantCulture),
                F(result.Cases[i].CasesMillions, "0.0"),
                result.Cases[i].IsAnchor ? "Atlas" : "interpolated",
            };
            if (therapy is not null)
            {
                cells.Add(F(therapy.Years[i].UptakePercent, "0.#"));
                cells.Add(F(therapy.Years[i].TreatedMillions, "0.00"));
            }

            cells.AddRange(withEvents.Select(o => Interval(o.EventsAvertedByYear![i], "#,0")));
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        return table;
    }

    private static Table OutcomeTable(TherapyResult therapy)
    {
        string effect = $"HbA1c {F(therapy.Effect.ChangePercentPoints, "0.###")} points"
            + (therapy.Effect.IsUncertain ? $" (95 % CI {F(therapy.Effect.Ci95LowPercentPoints!.Value, "0.###")} to {F(therapy.Effect.Ci95HighPercentPoints!.Value, "0.###")})" : string.Empty);
        var table = new Table().Title(Markup.Escape($"Therapy scenario: {effect}; {therapy.Draws} draws, seed {therapy.Seed}"))
            .AddColumn("Outcome (UKPDS 35)").AddColumn(new TableColumn(Markup.Escape("Risk reduction among treated, % [95 % UI]")).RightAligned())
            .AddColumn(new TableColumn("Incidence /1000 py").RightAligned()).AddColumn(new TableColumn(Markup.Escape("Events averted, all years [95 % UI]")).RightAligned());
        foreach (var outcome in therapy.Outcomes)
        {
            table.AddRow(
                Markup.Escape(outcome.Name),
                Markup.Escape(Interval(outcome.RelativeRiskReductionPercent, "0.0")),
                outcome.IncidencePer1000PersonYears is double rate ? F(rate, "0.###") : "not given",
                Markup.Escape(outcome.EventsAvertedCumulative is { } total ? Interval(total, "#,0") : "needs --incidence"));
        }

        return table;
    }

    private static string Interval(UncertainValue value, string format) => $"{F(value.Central, format)} [{F(value.Low, format)} to {F(value.High, format)}]";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
