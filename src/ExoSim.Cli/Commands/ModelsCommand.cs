using System.CommandLine;
using ExoSim.Models;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary><c>exosim models [--json]</c>: the models ExoSim ships, with time scale, states, subjects and sources.</summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context)
    {
        var jsonOption = new Option<bool>("--json") { Description = "Print the models (with states, observables, subjects and interventions) as JSON." };
        var command = new Command("models", "List the available physiology models with a one-line description, time scale, states and sources.")
        {
            jsonOption,
        };
        command.SetAction(parseResult => Execute(context, parseResult.GetValue(jsonOption)));
        context.AddExamples(command, "exosim models", "exosim models --json");
        return command;
    }

    private static int Execute(CliContext context, bool json)
    {
        var models = ModelCatalog.All;
        if (json)
        {
            context.Out.Write(CliJson.Serialize(new
            {
                models = models.Select(m => new
                {
                    id = m.Id,
                    title = m.Title,
                    summary = m.Summary,
                    time_scale = m.TimeScale,
                    reference = m.Reference,
                    stiff = m.IsStiff,
                    default_patient = m.DefaultPatient,
                    patients = m.PatientNames,
                    interventions = m.SupportedInterventions,
                    fasting_glucose_parameter = m.FastingGlucoseParameter,
                    states = m.States,
                    observables = m.Observables,
                }),
            }));
            return ExitCodes.Ok;
        }

        var console = context.CreateResultConsole();
        var table = new Table()
            .Title("ExoSim models")
            .AddColumn("Model")
            .AddColumn("What it simulates")
            .AddColumn("Time scale")
            .AddColumn("States")
            .AddColumn("Subjects");
        foreach (var model in models)
        {
            table.AddRow(
                Markup.Escape(model.Id),
                Markup.Escape(model.Summary),
                Markup.Escape(model.TimeScale),
                Markup.Escape(string.Join(" ", model.States.Select(s => s.Name))),
                Markup.Escape(model.PatientNames.Count == 1 ? model.DefaultPatient : $"{model.PatientNames.Count} (default {model.DefaultPatient})"));
        }

        console.Write(table);
        console.WriteLine("Parameters, units and sources: exosim params MODEL. States, units and references: exosim models --json.");
        return ExitCodes.Ok;
    }
}
