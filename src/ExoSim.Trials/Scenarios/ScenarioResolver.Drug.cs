using ExoSim.Models;
using ExoSim.Models.Simulation;
using ExoSim.Therapies.Drugs;

namespace ExoSim.Trials.Scenarios;

/// <summary>Resolution of <c>drug</c> events into parameter modulations.</summary>
public static partial class ScenarioResolver
{
    /// <summary>The modulations of the document's drug doses, one course per drug (doses of one drug add up).</summary>
    private static List<ParameterModulation> DrugModulations(ScenarioDocument document, PhysiologyModel model)
    {
        var modulations = new List<ParameterModulation>();
        double end = document.DurationMin.Value;
        foreach (var course in document.Drugs.GroupBy(d => DrugTherapy.Names[d.Value.Name]))
        {
            var first = course.First();
            foreach (var located in course)
            {
                RequireWithin(located.Location, located.Field, located.Value.TimeMin, end);
            }

            var doses = course.SelectMany(d => d.Value.Times(end).Select(t => new DrugDose(t, d.Value.DoseMg))).ToArray();
            modulations.AddRange(Guard(first.Location, first.Field + ".drug", () => DrugTherapy.Modulations(first.Value.Name, model.Id, doses)));
        }

        return modulations;
    }
}
