using System.CommandLine;
using System.Globalization;
using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Therapies;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim params MODEL|THERAPY [--patient NAME] [--json]</c>: every parameter of a subject (or of a therapy module
/// such as <c>exosome</c>) with value, unit, origin, source and plausible range — the names scenario files use in
/// <c>parameters:</c>.
/// </summary>
internal static class ParamsCommand
{
    public static Command Create(CliContext context)
    {
        var modelArgument = new Argument<string>("MODEL") { Description = "Model id (see `exosim models`) or therapy id (exosome, msc, insulin, metformin, glp1)." };
        var patientOption = new Option<string?>("--patient", "-p") { Description = "A named parameter set, e.g. adult#001 (default: the model's reference subject).", HelpName = "NAME" };
        var jsonOption = new Option<bool>("--json") { Description = "Print the parameters as JSON objects (name, value, unit, source, ...)." };
        var command = new Command("params", "Show a model's parameters for one subject, or a therapy's (exosome, msc, insulin, metformin, glp1), with values, units, origin and sources.")
        {
            modelArgument,
            patientOption,
            jsonOption,
        };
        command.SetAction(parseResult => Execute(
            context,
            parseResult.GetValue(modelArgument)!,
            parseResult.GetValue(patientOption),
            parseResult.GetValue(jsonOption)));
        context.AddExamples(command, "exosim params uva-padova-t1d --patient adult#001", "exosim params bergman-minimal --json", "exosim params exosome", "exosim params metformin");
        return command;
    }

    private static int Execute(CliContext context, string modelId, string? patient, bool json)
    {
        if (TherapyCatalog.Find(modelId) is { } therapy)
        {
            if (patient is not null)
            {
                throw new UsageException($"'{modelId}' is a therapy: it has one default parameter set and no --patient.");
            }

            return Show(context, modelId, therapy.Parameters, [], json, "Scenario files cannot override them yet; the exosome and MSC kinetics take the body weight from the model's BW where it has one (docs/therapies).");
        }

        var model = ModelCatalog.All.FirstOrDefault(m => m.Id == modelId)
            ?? throw new UsageException(
                $"Unknown model or therapy '{modelId}'. {NameSuggestions.Describe(modelId, [.. ModelCatalog.All.Select(m => m.Id), .. TherapyCatalog.Ids])}");
        ParameterSet parameters;
        try
        {
            parameters = model.Patient(patient ?? model.DefaultPatient);
        }
        catch (KeyNotFoundException exception)
        {
            throw new UsageException(exception.Message, exception);
        }

        return Show(context, model.Id, parameters, model.PatientNames, json, "Override the others in a scenario's 'parameters:'.");
    }

    private static int Show(CliContext context, string id, ParameterSet parameters, IReadOnlyList<string> subjects, bool json, string overrideHint)
    {

        if (json)
        {
            context.Out.Write(CliJson.Serialize(new
            {
                model = id,
                patient = parameters.Name,
                patients = subjects,
                parameters = parameters.Entries.Select(e => new
                {
                    name = e.Name,
                    value = e.Value,
                    unit = e.Unit,
                    description = e.Definition.Description,
                    origin = e.Origin,
                    source = e.Source,
                    derived = e.Definition.IsDerived,
                    covariate = e.Definition.IsCovariate,
                    plausible_min = e.Definition.PlausibleMinimum,
                    plausible_max = e.Definition.PlausibleMaximum,
                    range_source = e.Definition.RangeSource,
                }),
            }));
            return ExitCodes.Ok;
        }

        var console = context.CreateResultConsole();
        var table = new Table()
            .Title($"{Markup.Escape(id)} — {Markup.Escape(parameters.Name)}")
            .AddColumn("Name")
            .AddColumn(new TableColumn("Value").RightAligned())
            .AddColumn("Unit")
            .AddColumn("Kind")
            .AddColumn("Meaning")
            .AddColumn("Source");
        foreach (var entry in parameters.Entries)
        {
            string kind = entry.Definition.IsDerived ? "derived" : entry.Definition.IsCovariate ? "covariate" : entry.Origin.ToString().ToLowerInvariant();
            table.AddRow(
                Markup.Escape(entry.Name),
                entry.Value.ToString("G6", CultureInfo.InvariantCulture),
                Markup.Escape(entry.Unit),
                kind,
                Markup.Escape(entry.Definition.Description),
                Markup.Escape(entry.Source));
        }

        console.Write(table);
        console.WriteLine($"{parameters.Entries.Count} parameters. Derived ones are recomputed from the others. {overrideHint}");
        if (subjects.Count > 0)
        {
            console.WriteLine($"Subjects: {string.Join(", ", subjects)}");
        }

        return ExitCodes.Ok;
    }
}
