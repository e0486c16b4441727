using System.CommandLine;
using System.Globalization;
using ExoSim.Models.Validation;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim validate</c>: runs every model's validation suite against its published or independent reference and
/// prints one row per check (model, quantity, expected, got, tolerance, pass). Exit code 1 when any check fails.
/// </summary>
internal static class ValidateCommand
{

    public static Command Create(CliContext context)
    {
        var jsonOption = new Option<bool>("--json") { Description = "Print the checks as JSON on standard output instead of the table." };
        var modelOption = new Option<string?>("--model") { Description = "Validate only this model (see `exosim models`).", HelpName = "MODEL" };
        var command = new Command(
            "validate",
            "Run every model's validation against its published reference and print a table "
            + "(model, quantity, expected, got, tolerance, pass). Exit code 1 if any check fails.")
        {
            jsonOption,
            modelOption,
        };
        command.SetAction(parseResult => Execute(context, parseResult.GetValue(jsonOption), parseResult.GetValue(modelOption)));
        context.AddExamples(command, "exosim validate", "exosim validate --model bergman-minimal --json");
        return command;
    }

    private static int Execute(CliContext context, bool json, string? modelId)
    {
        var suites = ValidationCatalog.All;
        if (modelId is not null)
        {
            suites = suites.Where(s => s.ModelId == modelId).ToArray();
            if (suites.Count == 0)
            {
                throw new UsageException(
                    $"No validation suite for model '{modelId}'. {Models.NameSuggestions.Describe(modelId, ValidationCatalog.All.Select(s => s.ModelId))}");
            }
        }

        var checks = suites.SelectMany(s => s.Run()).ToArray();
        int failed = checks.Count(c => !c.Passed);
        if (json)
        {
            var rows = checks.Select(c => new
            {
                model = c.ModelId,
                quantity = c.Quantity,
                unit = c.Unit,
                expected = c.Expected,
                got = c.Got,
                tolerance = c.Tolerance,
                comparison = c.Comparison == ValidationComparison.AtMost ? "at_most" : "within_tolerance",
                pass = c.Passed,
                reference = c.Reference,
            });
            context.Out.Write(CliJson.Serialize(new { checks = rows, passed = checks.Length - failed, failed }));
            return failed == 0 ? ExitCodes.Ok : ExitCodes.RunFailure;
        }

        context.QuietResult(string.Create(CultureInfo.InvariantCulture, $"{checks.Length - failed} of {checks.Length} checks pass"));
        foreach (var check in checks.Where(c => !c.Passed))
        {
            context.QuietResult($"FAILED {check.ModelId}: {check.Quantity}: expected {Format(check.Expected)}, got {Format(check.Got)} ± {Format(check.Tolerance)} {check.Unit}");
        }

        var console = context.CreateConsole();
        var table = new Table()
            .Title("ExoSim model validation")
            .AddColumn("Model")
            .AddColumn("Quantity")
            .AddColumn(new TableColumn("Expected").RightAligned())
            .AddColumn(new TableColumn("Got").RightAligned())
            .AddColumn(new TableColumn("Tolerance").RightAligned())
            .AddColumn("Unit")
            .AddColumn("Pass");
        foreach (var check in checks)
        {
            table.AddRow(
                Markup.Escape(check.ModelId),
                Markup.Escape(check.Quantity),
                check.Comparison == ValidationComparison.AtMost ? "—" : Format(check.Expected),
                Format(check.Got),
                (check.Comparison == ValidationComparison.AtMost ? "≤ " : "± ") + Format(check.Tolerance),
                Markup.Escape(check.Unit),
                check.Passed ? "yes" : "[red]NO[/]");
        }

        console.Write(table);
        console.WriteLine($"{checks.Length - failed} of {checks.Length} checks pass. References: exosim validate --json.");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.RunFailure;
    }

    private static string Format(double value) => value.ToString("G5", CultureInfo.InvariantCulture);
}
