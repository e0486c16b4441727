using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;

namespace ExoSim.Models;

/// <summary>
/// A physiology model: its states, parameters (with units and provenance), named parameter sets (subjects),
/// basal initial state, observables and how interventions enter it. What is simulated — not how (the solver) nor
/// what is written (storage, reports).
/// </summary>
public abstract class PhysiologyModel
{
    /// <summary>Stable identifier used in scenario files, e.g. <c>bergman-minimal</c>.</summary>
    public abstract string Id { get; }

    /// <summary>Human-readable name.</summary>
    public abstract string Title { get; }

    /// <summary>One-line description (what <c>exosim models</c> prints).</summary>
    public abstract string Summary { get; }

    /// <summary>The time scale the model is made for, e.g. "minutes to hours".</summary>
    public abstract string TimeScale { get; }

    /// <summary>The source publication(s), with DOI.</summary>
    public abstract string Reference { get; }

    /// <summary>States in solver order, named after the source paper's symbols.</summary>
    public abstract IReadOnlyList<StateVariable> States { get; }

    /// <summary>Quantities computed from the state and written as extra columns (always includes glucose for glucose models).</summary>
    public abstract IReadOnlyList<Observable> Observables { get; }

    /// <summary>The model's parameter definitions.</summary>
    public abstract ParameterSchema Schema { get; }

    /// <summary>Names of the built-in parameter sets; the first is the default.</summary>
    public abstract IReadOnlyList<string> PatientNames { get; }

    /// <summary>The intervention kinds this model accepts (see <see cref="Intervention.Kind"/>).</summary>
    public abstract IReadOnlyList<string> SupportedInterventions { get; }

    /// <summary>
    /// The parameter that holds fasting (basal) plasma glucose in mg/dL when <see cref="InitialState"/> is the model's
    /// fasting steady state (so a scenario can start a subject at a chosen fasting glucose); null when the model starts
    /// elsewhere (e.g. just after an IVGTT bolus).
    /// </summary>
    public virtual string? FastingGlucoseParameter => null;

    /// <summary>The parameter that holds basal plasma insulin, when the basal state can be moved with it; null otherwise.</summary>
    public virtual string? BasalInsulinParameter => null;

    /// <summary>
    /// The parameters that scale with functional β-cell mass (insulin secretion capacity) when slow dynamics drive this
    /// model in a multiscale course; empty when the model has no endogenous secretion to scale.
    /// </summary>
    public virtual IReadOnlyList<string> SecretionParameters => [];

    /// <summary>The parameters that scale with insulin sensitivity in a multiscale course; empty when none is declared.</summary>
    public virtual IReadOnlyList<string> SensitivityParameters => [];

    /// <summary>The default parameter set's name.</summary>
    public string DefaultPatient => PatientNames[0];

    /// <summary>Whether the model is stiff (fast and slow time constants); selects the default solver.</summary>
    public virtual bool IsStiff => true;

    /// <summary>A built-in parameter set by name.</summary>
    /// <exception cref="KeyNotFoundException">With the closest valid names when unknown.</exception>
    public ParameterSet Patient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!PatientNames.Contains(name, StringComparer.Ordinal))
        {
            throw new KeyNotFoundException($"Model '{Id}' has no patient '{name}'. {NameSuggestions.Describe(name, PatientNames)}");
        }

        return LoadPatient(name);
    }

    /// <summary>
    /// Recomputes derived parameters (e.g. basal steady-state relations) from the primary ones, so that user
    /// overrides stay consistent. The default has no derived parameters.
    /// </summary>
    public virtual ParameterSet Complete(ParameterSet parameters) => parameters;

    /// <summary>
    /// Times (min) where the model's own right-hand side switches to another piece, e.g. a prescribed parameter course
    /// that changes at a time set by a parameter; the solver stops and restarts there, and the model chooses the piece by
    /// <see cref="ModelSystem.SegmentStartMin"/>. The default has none.
    /// </summary>
    public virtual IReadOnlyList<double> Breakpoints(ParameterSet parameters) => [];

    /// <summary>The basal (fasting steady) state for a parameter set, in <see cref="States"/> order.</summary>
    public abstract double[] InitialState(ParameterSet parameters);

    /// <summary>The right-hand side for a parameter set, with optional parameter modulations.</summary>
    public abstract ModelSystem CreateSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations);

    /// <summary>Computes the observables (in <see cref="Observables"/> order) from a state.</summary>
    public abstract void EvaluateObservables(double timeMin, ReadOnlySpan<double> state, ParameterSet parameters, Span<double> values);

    /// <summary>Index of a state by name.</summary>
    /// <exception cref="KeyNotFoundException">With suggestions when unknown.</exception>
    public int StateIndex(string name)
    {
        for (int i = 0; i < States.Count; i++)
        {
            if (string.Equals(States[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"Model '{Id}' has no state '{name}'. {NameSuggestions.Describe(name, States.Select(s => s.Name))}");
    }

    /// <summary>Turns one intervention into scheduled input changes or state jumps.</summary>
    /// <exception cref="NotSupportedException">When the model does not accept this kind of intervention.</exception>
    public virtual void Schedule(Intervention intervention, InterventionSchedule schedule, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        throw new NotSupportedException(
            $"Model '{Id}' does not accept {intervention.Kind} events. Allowed: {string.Join(", ", SupportedInterventions)}.");
    }

    /// <summary>
    /// Applies an insulin controller's decision at the current time of a running simulation (called from a discrete
    /// event of an <see cref="InsulinFeedback"/>): a new basal rate on the model's insulin input and a bolus as a state
    /// jump, exactly as <see cref="InsulinBasal"/> and <see cref="InsulinBolus"/> events enter it.
    /// </summary>
    /// <exception cref="NotSupportedException">When the model takes no exogenous insulin.</exception>
    public virtual void DeliverInsulin(ModelSystem system, Span<double> state, InsulinCommand command)
        => throw new NotSupportedException(
            $"Model '{Id}' does not accept {InsulinFeedback.KindName} events. Allowed: {string.Join(", ", SupportedInterventions)}.");

    /// <summary>Loads a built-in parameter set whose name is known to be valid.</summary>
    protected abstract ParameterSet LoadPatient(string name);
}
