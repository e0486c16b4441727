using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Validation;
using ExoSim.Numerics.Ode;
using ExoSim.Numerics.SteadyState;
using static ExoSim.Models.HaSherman.HaShermanParameters;

namespace ExoSim.Models.HaSherman;

/// <summary>
/// Validation of <c>t2d-progression</c> for <c>exosim validate</c>: (1) the authors' own published run — the end state
/// that their XPP set file fig7_human_prevention.set stores after 1800 d — reproduced from the file's initial state;
/// (2) the closed-form steady states against Newton's method and their stability (a stable physiological state and a
/// saddle that separates it from the β-cell-free diabetic state: bistability); (3) the 10-year courses of the four
/// scenarios against an independent implementation (Python, classical RK4); (4) the qualitative outcomes of Fig. 7 of
/// Ha, Satin &amp; Sherman 2016 (doi:10.1210/en.2015-1564): progression, prevention, early reversal, failed late reversal.
/// </summary>
public sealed class HaSherman2016Validation : IModelValidation
{
    /// <summary>Days of the set file's stored run (its "Current time").</summary>
    public const double SetFileDays = 1799.986;

    /// <summary>The set file's initial state [G, I, beta, gamma, sigma, SI] ("Old ICs").</summary>
    public static readonly IReadOnlyList<double> SetFileInitialState = [99.7664, 9.025, 1000.423, -0.00666, 536.67, 0.8];

    /// <summary>The set file's end state after <see cref="SetFileDays"/> ("Ending ICs", XPP CVODE, tolerances 1e-10).</summary>
    public static readonly IReadOnlyList<double> SetFileEndState =
        [108.8245036082017, 26.5283738740164, 1278.903949069947, 0.09997377195261548, 600.980509965197, 0.245];

    /// <summary>Tolerances of the comparison with <see cref="SetFileEndState"/>, per state (state units).</summary>
    public static readonly IReadOnlyList<double> SetFileTolerance = [1e-3, 1e-3, 1e-2, 1e-6, 1e-3, 1e-6];

    /// <summary>Time (d) at which the progressor's fasting glucose first reaches 126 mg/dL, by the independent implementation.</summary>
    public const double IndependentCrossingDays = 321.93651;

    /// <summary>Glucose (mg/dL) at 1, 2 and 3 years in the progressor, by the independent implementation.</summary>
    public static readonly IReadOnlyList<double> IndependentProgressorGlucose = [129.30980, 197.76359, 393.99873];

    /// <summary>Glucose (mg/dL) at 1 and 2 years in the early-reversal scenario, by the independent implementation.</summary>
    public static readonly IReadOnlyList<double> IndependentEarlyReversalGlucose = [129.30980, 103.28842];

    /// <summary>ADA fasting-glucose threshold of diabetes (mg/dL).</summary>
    public const double DiabetesThreshold = 126;

    private const string SetFileReference =
        "end state stored in the authors' XPP set file fig7_human_prevention.set (supplement of " + Ha2016 + "; artielbm/artielbm.github.io " +
        "Models/Pathogenesis, commit ea749d6), run from the file's initial state with its parameters; tolerance ≈ 1e-5 relative, " +
        "the reach of the stored digits and both solvers' errors";

    private const string NewtonReference =
        "Newton's method (SteadyStateSolver) on the full equations with SI held (target_Si = SI), started 2 % away; tolerance: " +
        "convergence of the closed form's scalar root solves";

    private const string IndependentReference =
        "independent transcription of the authors' human equations (Python, classical RK4, Δt = 0.002 d) from ExoSim's start state " +
        "(ExoSim's research note, 2026-12); tolerance: rounding and RK4's error at this step";

    private const string Fig7 =
        "qualitative outcome of Fig. 7 of " + Ha2016 + " (progression; prevention by halting the SI decline; reversal by " +
        "restoring SI early but not late), with ADA's fasting threshold 126 mg/dL (Diabetes Care 2024;47(Suppl 1):S20, " +
        "doi:10.2337/dc24-S002); the intervention times of the reversal scenarios are ExoSim's assumptions";

    private const double TenYearsDays = 3652.5;

    private static readonly HaSherman2016Model Model = new();

    /// <inheritdoc />
    public string ModelId => HaSherman2016Model.ModelId;

    /// <inheritdoc />
    public IReadOnlyList<ValidationCheck> Run()
    {
        var checks = new List<ValidationCheck>();
        AddSetFileChecks(checks);
        AddSteadyStateChecks(checks);
        AddCourseChecks(checks);
        return checks;
    }

    /// <summary>Simulates a scenario for <paramref name="days"/> with output every <paramref name="intervalDays"/>.</summary>
    public static SimulationResult Simulate(ParameterSet p, double days, double intervalDays, IReadOnlyList<double>? initial = null)
        => Simulator.Run(
            new SimulationRequest
            {
                Model = Model, Parameters = p, InitialState = initial,
                DurationMin = days * HaShermanSystem.MinPerDay, OutputIntervalMin = intervalDays * HaShermanSystem.MinPerDay,
            },
            OdeSolvers.Rodas5P,
            new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 });

    /// <summary>A subject with SI held at <paramref name="si"/> (its course frozen), for steady-state analysis.</summary>
    public static ParameterSet Frozen(ParameterSet p, double si)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.WithUserValue("Si0", si, "SI held for steady-state analysis")
            .WithUserValue("target_Si", si, "SI held for steady-state analysis")
            .WithUserValue("tonsi", 14_000_000, "SI held for steady-state analysis");
    }

    /// <summary>First time (d) at which glucose reaches <paramref name="level"/>, linearly interpolated between rows; NaN if never.</summary>
    public static double FirstCrossingDays(SimulationResult result, double level)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Column(Simulator.TimeColumn);
        var g = result.Column(Observable.GlucoseMgPerDl);
        for (int r = 1; r < g.Length; r++)
        {
            if (g[r - 1] < level && g[r] >= level)
            {
                double time = t[r - 1] + ((t[r] - t[r - 1]) * (level - g[r - 1]) / (g[r] - g[r - 1]));
                return time / HaShermanSystem.MinPerDay;
            }
        }

        return double.NaN;
    }

    private void AddSetFileChecks(List<ValidationCheck> checks)
    {
        var result = Simulate(Model.Patient(HaShermanSubjects.Prevention), SetFileDays, SetFileDays, SetFileInitialState);
        for (int i = 0; i < HaShermanStates.Count; i++)
        {
            var state = Model.States[i];
            checks.Add(new ValidationCheck(ModelId, $"{state.Name} after {SetFileDays} d, prevention run of fig7_human_prevention.set", state.Unit,
                SetFileEndState[i], result.Column(state.Name)[^1], SetFileTolerance[i], ValidationComparison.WithinTolerance, SetFileReference));
        }
    }

    private void AddSteadyStateChecks(List<ValidationCheck> checks)
    {
        var progressor = Model.Patient(HaShermanSubjects.Progressor);
        double si = progressor["Si0"];
        var frozen = Frozen(progressor, si);
        var states = HaShermanSteadyStates.All(frozen, si);
        checks.Add(new ValidationCheck(ModelId, "number of steady states at SI = 0.8 (physiological, saddle, β = 0)", "1", 3, states.Count, 0,
            ValidationComparison.WithinTolerance, "P(ISR) = A(M) has two roots in G below R0/Eg0 with the paper's human values, plus the β = 0 state"));
        checks.Add(new ValidationCheck(ModelId, "max |f(x_rest)|/max(|x|, 1), physiological state at SI = 0.8", "1/min", 0, BasalResidual.Of(Model, frozen), 1e-10,
            ValidationComparison.AtMost, "the closed-form rest state must be a steady state of the equations (root-solve accuracy)"));

        var system = Model.CreateSystem(frozen, []);
        for (int k = 0; k < states.Count; k++)
        {
            var guess = states[k].Select(v => v * 1.02).ToArray();
            guess[HaShermanStates.SI] = si;
            double got = SteadyStateSolver.Solve(system, guess).State[HaShermanStates.G];
            string which = k == 0 ? "physiological" : k == states.Count - 1 ? "β = 0" : "saddle";
            checks.Add(new ValidationCheck(ModelId, $"G of the {which} steady state, closed form vs Newton", "mg/dL", states[k][HaShermanStates.G], got, 1e-6,
                ValidationComparison.WithinTolerance, NewtonReference));
        }

        // Stability by perturbation over 60 years at SI = 0.8: the physiological state attracts, the saddle repels along β.
        double[] Perturbed(double[] x, double factor)
        {
            var y = (double[])x.Clone();
            y[HaShermanStates.Beta] *= factor;
            return y;
        }

        const double Years60 = 60 * 365.25;
        double physiological = states[0][HaShermanStates.G];
        double back = Simulate(frozen, Years60, Years60, Perturbed(states[0], 0.8)).Column(Observable.GlucoseMgPerDl)[^1];
        checks.Add(new ValidationCheck(ModelId, "G 60 y after β −20 % from the physiological state", "mg/dL", physiological, back, 0.1,
            ValidationComparison.WithinTolerance, "stability: the physiological state attracts (Ha et al. 2016: the normoglycemic state is stable)"));
        double up = Simulate(frozen, Years60, Years60, Perturbed(states[1], 1.01)).Column(Observable.GlucoseMgPerDl)[^1];
        double down = Simulate(frozen, Years60, Years60, Perturbed(states[1], 0.99)).Column(Observable.GlucoseMgPerDl)[^1];
        checks.Add(new ValidationCheck(ModelId, "G 60 y after β +1 % from the saddle", "mg/dL", physiological, up, 0.5,
            ValidationComparison.WithinTolerance, "bistability: above the threshold the subject returns to normoglycemia (Ha et al. 2016)"));
        checks.Add(new ValidationCheck(ModelId, "G 60 y after β −1 % from the saddle", "mg/dL", states[^1][HaShermanStates.G], down, 5,
            ValidationComparison.WithinTolerance, "bistability: below the threshold glucose rises to the β-cell-free diabetic state R0/Eg0 (Ha et al. 2016)"));
    }

    private void AddCourseChecks(List<ValidationCheck> checks)
    {
        var progressor = Simulate(Model.Patient(HaShermanSubjects.Progressor), TenYearsDays, 0.1);
        checks.Add(new ValidationCheck(ModelId, "progressor: first day with fasting G ≥ 126 mg/dL", "d", IndependentCrossingDays,
            FirstCrossingDays(progressor, DiabetesThreshold), 0.01, ValidationComparison.WithinTolerance, IndependentReference));
        AddGlucoseAtYears(checks, "progressor", progressor, IndependentProgressorGlucose);
        var early = Simulate(Model.Patient(HaShermanSubjects.EarlyReversal), TenYearsDays, 0.1);
        AddGlucoseAtYears(checks, "early-reversal", early, IndependentEarlyReversalGlucose);

        double End(SimulationResult r) => r.Column(Observable.GlucoseMgPerDl)[^1];
        double MaxAfter(SimulationResult r, double days)
        {
            var t = r.Column(Simulator.TimeColumn);
            var g = r.Column(Observable.GlucoseMgPerDl);
            return g.Where((_, i) => t[i] >= days * HaShermanSystem.MinPerDay).Max();
        }

        var prevention = Simulate(Model.Patient(HaShermanSubjects.Prevention), TenYearsDays, 1);
        var late = Simulate(Model.Patient(HaShermanSubjects.LateReversal), TenYearsDays, 1);
        checks.Add(new ValidationCheck(ModelId, "126 mg/dL − fasting G at 10 y, progressor", "mg/dL", 0, DiabetesThreshold - End(progressor), 0, ValidationComparison.AtMost, Fig7));
        checks.Add(new ValidationCheck(ModelId, "max fasting G over 10 y − 126 mg/dL, prevention", "mg/dL", 0, MaxAfter(prevention, 0) - DiabetesThreshold, 0, ValidationComparison.AtMost, Fig7));
        checks.Add(new ValidationCheck(ModelId, "max fasting G from 2 y on − 126 mg/dL, early reversal (SI restored at 1 y)", "mg/dL", 0, MaxAfter(early, 730) - DiabetesThreshold, 0, ValidationComparison.AtMost, Fig7));
        checks.Add(new ValidationCheck(ModelId, "126 mg/dL − fasting G at 10 y, late reversal (SI restored at 2 y)", "mg/dL", 0, DiabetesThreshold - End(late), 0, ValidationComparison.AtMost, Fig7));
    }

    private void AddGlucoseAtYears(List<ValidationCheck> checks, string scenario, SimulationResult result, IReadOnlyList<double> expected)
    {
        var t = result.Column(Simulator.TimeColumn);
        var g = result.Column(Observable.GlucoseMgPerDl);
        for (int year = 1; year <= expected.Count; year++)
        {
            int row = Array.FindIndex(t, v => Math.Abs(v - (year * 365 * HaShermanSystem.MinPerDay)) < 1e-3);
            checks.Add(new ValidationCheck(ModelId, $"{scenario}: fasting G at {year * 365} d", "mg/dL", expected[year - 1], g[row], 0.01,
                ValidationComparison.WithinTolerance, IndependentReference));
        }
    }
}
