using System.Globalization;
using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Models.Random;

namespace ExoSim.Trials.Populations;

/// <summary>
/// A resolved cohort: which model subjects it uses and how its patients are drawn. Patient <c>k</c> of the cohort is
/// a pure function of the random stream it is given, so a patient is the same whatever the thread, shard or run.
/// </summary>
public abstract class Cohort
{
    /// <summary>Redraws allowed when a draw has no basal steady state or leaves a parameter's plausible range.</summary>
    public const int MaxRedraws = 100;

    /// <summary>Creates a cohort.</summary>
    protected Cohort(string name, string type, PhysiologyModel model, int size)
    {
        Name = name;
        Type = type;
        Model = model;
        Size = size;
    }

    /// <summary>The cohort's name.</summary>
    public string Name { get; }

    /// <summary>Population type (<c>t1d</c>, <c>t2d</c>, <c>healthy</c>).</summary>
    public string Type { get; }

    /// <summary>The model its patients are subjects of.</summary>
    public PhysiologyModel Model { get; }

    /// <summary>Number of patients.</summary>
    public int Size { get; }

    /// <summary>How the cohort's patients are obtained, for trial.json and the docs.</summary>
    public abstract string Describe();

    /// <summary>Patient <paramref name="member"/> (0-based within the cohort) with trial index <paramref name="index"/>.</summary>
    /// <exception cref="InvalidOperationException">No plausible draw in <see cref="MaxRedraws"/> attempts.</exception>
    public abstract VirtualPatient Patient(int member, int index, NormalGenerator normal);

    /// <summary>The patient's identifier: cohort name and 1-based member number.</summary>
    protected string MemberId(int member) => string.Create(CultureInfo.InvariantCulture, $"{Name}-{member + 1:D5}");

    /// <summary>A patient from completed parameters; age and weight from the model's covariates where it has them.</summary>
    protected VirtualPatient Build(int index, string id, string subject, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double age = parameters.Schema.IndexOf("Age") is int a and >= 0 ? parameters[a] : double.NaN;
        double weight = parameters.Schema.IndexOf("BW") is int w and >= 0 ? parameters[w] : double.NaN;
        return new VirtualPatient(index, id, Name, subject, parameters, age, weight);
    }

    /// <summary>Whether every value with a documented plausible range lies in it.</summary>
    protected static bool Plausible(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        for (int i = 0; i < parameters.Schema.Count; i++)
        {
            var definition = parameters.Schema[i];
            double v = parameters[i];
            if ((definition.PlausibleMinimum is double min && v < min) || (definition.PlausibleMaximum is double max && v > max))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The published subjects of a model themselves (e.g. the 30 UVA/Padova subjects), in catalog order.</summary>
public sealed class NamedCohort : Cohort
{
    private readonly IReadOnlyList<string> subjects;

    /// <summary>A cohort of <paramref name="subjects"/> of <paramref name="model"/>.</summary>
    public NamedCohort(string name, string type, PhysiologyModel model, IReadOnlyList<string> subjects)
        : base(name, type, model, subjects?.Count ?? 0)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        this.subjects = subjects;
    }

    /// <inheritdoc/>
    public override string Describe() => $"the published subjects of {Model.Id}: {string.Join(", ", subjects)}";

    /// <inheritdoc/>
    public override VirtualPatient Patient(int member, int index, NormalGenerator normal)
        => Build(index, subjects[member], subjects[member], Model.Patient(subjects[member]));
}

/// <summary>
/// UVA/Padova T1D patients drawn from the joint distribution of the published subjects of a group: every primary
/// parameter and therapy covariate that varies between them, log-normal (logit-normal for fractions) with their
/// sample mean and covariance of the transformed values (<see cref="EmpiricalLogNormal"/>, so the empirical
/// correlations are kept); parameters equal in every subject stay at that value; derived values are recomputed.
/// </summary>
public sealed class UvaPadovaGeneratedCohort : Cohort
{
    private readonly ParameterSet template;
    private readonly int[] varied;
    private readonly EmpiricalLogNormal distribution;
    private readonly string group;
    private readonly int subjectCount;

    /// <summary>A cohort of <paramref name="size"/> patients drawn from <paramref name="subjects"/> (at least two) of <paramref name="model"/>.</summary>
    public UvaPadovaGeneratedCohort(string name, string type, PhysiologyModel model, string group, IReadOnlyList<string> subjects, int size)
        : base(name, type, model, size)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(subjects);
        this.group = group;
        subjectCount = subjects.Count;
        var sets = subjects.Select(model.Patient).ToArray();
        template = sets[0];
        var schema = template.Schema;
        varied = Enumerable.Range(0, schema.Count)
            .Where(i => !schema[i].IsDerived && sets.Any(s => s[i] != sets[0][i]))
            .ToArray();
        bool[] fraction = varied.Select(i => schema[i].PlausibleMinimum == 0 && schema[i].PlausibleMaximum == 1).ToArray();
        distribution = new EmpiricalLogNormal(sets.Select(s => varied.Select(i => s[i]).ToArray()).ToArray(), fraction);
    }

    /// <summary>Names of the parameters that vary between patients.</summary>
    public IReadOnlyList<string> VariedParameters => varied.Select(i => template.Schema[i].Name).ToArray();

    /// <inheritdoc/>
    public override string Describe() =>
        $"generated from the {subjectCount} published {Model.Id} subjects of group '{group}': log-normal (logit-normal for fractions) with their sample mean and covariance "
        + $"of the transformed values of {string.Join(", ", VariedParameters)}; other primary parameters as in every subject; derived values recomputed";

    /// <inheritdoc/>
    public override VirtualPatient Patient(int member, int index, NormalGenerator normal)
    {
        string source = $"generated: {Describe()}";
        for (int attempt = 0; attempt < MaxRedraws; attempt++)
        {
            double[] draw = distribution.Draw(normal);
            var parameters = template;
            for (int k = 0; k < varied.Length; k++)
            {
                parameters = parameters.With(varied[k], draw[k], ParameterOrigin.Assumption, source);
            }

            ParameterSet completed;
            try
            {
                completed = Model.Complete(parameters.Renamed(MemberId(member)));
            }
            catch (InvalidOperationException)
            {
                continue; // no basal steady state for this draw: draw again (counted in MaxRedraws)
            }

            if (Plausible(completed))
            {
                return Build(index, MemberId(member), $"generated:{group}", completed);
            }
        }

        throw new InvalidOperationException($"Cohort '{Name}': no plausible patient in {MaxRedraws} draws for member {member + 1}.");
    }
}

/// <summary>
/// Patients around one published subject (dalla-man-2007 <c>normal</c> or <c>t2d</c>) with independent log-normal
/// variability of the coefficient of variation the trial file gives per parameter (median: the subject's value;
/// the CVs are the user's assumption, no population distribution of the model is published).
/// </summary>
public sealed class VariabilityCohort : Cohort
{
    private readonly ParameterSet subject;
    private readonly (int Index, double Sigma)[] variability;

    /// <summary>A cohort of <paramref name="size"/> patients around <paramref name="subjectName"/>.</summary>
    public VariabilityCohort(string name, string type, PhysiologyModel model, string subjectName, IReadOnlyList<KeyValuePair<string, double>> coefficientsOfVariation, int size)
        : base(name, type, model, size)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(coefficientsOfVariation);
        subject = model.Patient(subjectName);
        variability = coefficientsOfVariation
            .Select(cv => (subject.Schema.RequireIndex(cv.Key), Math.Sqrt(PortableMath.Log(1 + (cv.Value * cv.Value)))))
            .ToArray();
    }

    /// <inheritdoc/>
    public override string Describe() =>
        $"subject '{subject.Name}' of {Model.Id} with independent log-normal variability (CV): "
        + (variability.Length == 0 ? "none" : string.Join(", ", variability.Select(v => string.Create(CultureInfo.InvariantCulture, $"{subject.Schema[v.Index].Name} {Math.Sqrt(PortableMath.Exp(v.Sigma * v.Sigma) - 1):P0}"))));

    /// <inheritdoc/>
    public override VirtualPatient Patient(int member, int index, NormalGenerator normal)
    {
        ArgumentNullException.ThrowIfNull(normal);
        string source = $"generated: {Describe()}";
        for (int attempt = 0; attempt < MaxRedraws; attempt++)
        {
            var parameters = subject;
            foreach (var (i, sigma) in variability)
            {
                parameters = parameters.With(i, subject[i] * PortableMath.Exp(sigma * normal.Next()), ParameterOrigin.Assumption, source);
            }

            ParameterSet completed;
            try
            {
                completed = Model.Complete(parameters.Renamed(MemberId(member)));
            }
            catch (InvalidOperationException)
            {
                continue; // no basal steady state for this draw: draw again
            }

            if (Plausible(completed))
            {
                return Build(index, MemberId(member), $"generated:{subject.Name}", completed);
            }
        }

        throw new InvalidOperationException($"Cohort '{Name}': no plausible patient in {MaxRedraws} draws for member {member + 1}.");
    }
}
