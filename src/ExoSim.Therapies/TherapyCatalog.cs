using ExoSim.Models.Parameters;
using ExoSim.Therapies.Exosomes;

namespace ExoSim.Therapies;

/// <summary>The therapy modules whose parameters <c>exosim params</c> can show, by id.</summary>
public static class TherapyCatalog
{
    private static readonly Dictionary<string, (string Title, ParameterSet Parameters)> Therapies = new(StringComparer.Ordinal)
    {
        [ExosomeParameters.TherapyId] = ("MSC-derived exosomes: pharmacokinetics, cargo effect and pharmacodynamics (docs/therapies/exosome.md)", ExosomeParameters.Default),
        [Msc.MscParameters.TherapyId] = ("MSC cells: lung trapping, survival and paracrine exosome secretion feeding the exosome PK/PD (docs/therapies/msc.md)", Msc.MscParameters.Default),
        [Insulin.InsulinParameters.TherapyId] = ("Insulin regimens and the PID closed loop: correction rule, insulin-on-board curve, controller settings (docs/therapies/insulin.md)", Insulin.InsulinParameters.Default),
        [Drugs.DrugParameters.Metformin] = ("Metformin: oral one-compartment kinetics and an Emax lowering of hepatic glucose production (docs/therapies/drugs.md)", Drugs.DrugParameters.MetforminDefault),
        [Drugs.DrugParameters.Glp1] = ("GLP-1 receptor agonist (liraglutide): s.c. kinetics, glucose-dependent secretion and slower gastric emptying (docs/therapies/drugs.md)", Drugs.DrugParameters.Glp1Default),
    };

    /// <summary>The therapy ids.</summary>
    public static IReadOnlyCollection<string> Ids => Therapies.Keys;

    /// <summary>A therapy's title and default parameters, or null for an unknown id.</summary>
    public static (string Title, ParameterSet Parameters)? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Therapies.TryGetValue(id, out var therapy) ? therapy : null;
    }
}
