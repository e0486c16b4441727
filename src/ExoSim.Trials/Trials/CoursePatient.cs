using System.Globalization;
using ExoSim.Models.Parameters;
using ExoSim.Models.Random;
using ExoSim.Models;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Populations;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Trials;

/// <summary>One long-horizon patient's enrolment and its whole course: from the model's start, randomised at diagnosis (new onset) or after the run-in.</summary>
/// <param name="Patient">The patient as enrolled (after any redraws).</param>
/// <param name="RandomisationMin">Time of randomisation from the model's start (min).</param>
/// <param name="Interventions">Every intervention of the course, in time order (model time).</param>
/// <param name="Result">The simulated course from the model's start to the end of the treatment period.</param>
/// <param name="AdverseEvents">The patient's adverse events (drawn as in meal-scale trials; an MSC rejection lowers the MSC effect of this course).</param>
public sealed record PatientCourse(VirtualPatient Patient, double RandomisationMin, IReadOnlyList<Intervention> Interventions, SimulationResult Result, PatientAdverseEvents AdverseEvents);

/// <summary>
/// Simulates a patient of a long-horizon cohort (<see cref="CourseCohort"/>): every patient's course runs from the
/// model's start state (healthy for t1d-progression, before diagnosis for t2d-progression) in one simulation, the arm's
/// events and therapy starting at the patient's randomisation; endpoints from <see cref="CourseEndpoints"/>.
/// </summary>
public static class CoursePatient
{
    /// <summary>The first screening span (min; 1 year), doubled until the cohort's screening time.</summary>
    private const double ScreeningStepMin = 365 * 1440.0;

    /// <summary>Simulates patient <paramref name="index"/> in <paramref name="arm"/> and computes its endpoints; with <paramref name="timeSeries"/> the outcome keeps its course.</summary>
    /// <exception cref="SimulationFailedException">The solver failed.</exception>
    /// <exception cref="InvalidOperationException">No draw of a new-onset patient was diagnosed within the screening time.</exception>
    public static PatientOutcome Simulate(ResolvedTrial trial, int index, ResolvedArm arm, string stratum, bool timeSeries = false)
    {
        var course = Course(trial, index, arm);
        var schedule = trial.Document.Schedule;
        var trace = CourseTrace.From(course.Result);
        var record = new InsulinRecord(course.Interventions, 0);
        var names = trial.Document.Endpoints;
        double[] At(double visitMin) => CourseEndpoints.Compute(names, trace, record, course.RandomisationMin + visitMin, schedule.WindowMin);

        double[] baseline = At(0);
        var visits = schedule.Visits.Select(At).ToArray();
        var values = TrialColumns.Values(baseline, visits);

        var patient = course.Patient;
        return new PatientOutcome(index, patient.Id, patient.Cohort, patient.Subject, arm.Name, stratum, patient.AgeYears, patient.WeightKg, values) {
            AdverseEvents = course.AdverseEvents,
            TimeSeries = timeSeries ? PatientTimeSeries.From(course.Result, trial.Model, course.RandomisationMin) : null,
        };
    }

    /// <summary>Enrols patient <paramref name="index"/> from its own stream and simulates its course in <paramref name="arm"/>.</summary>
    /// <exception cref="SimulationFailedException">The solver failed.</exception>
    /// <exception cref="InvalidOperationException">No draw of a new-onset patient was diagnosed within the screening time.</exception>
    public static PatientCourse Course(ResolvedTrial trial, int index, ResolvedArm arm)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(arm);
        var cohort = (CourseCohort)trial.Population.CohortOf(index);
        var schedule = trial.Document.Schedule;
        var normal = new NormalGenerator(Population.Stream(trial.Document.Seed, index));
        var (patient, randomisation) = Enrol(trial, cohort, index, normal);

        // The arm was resolved with its times from the end of the run-in (0 for new-onset cohorts); move them to this patient's randomisation.
        var shifted = arm.Shifted(randomisation - schedule.RunInMin);
        var interventions = shifted.Events.OrderBy(e => e.TimeMin).ToArray();
        double endMin = randomisation + schedule.TreatmentMin;
        var adverseEvents = AdverseEvents.Sample(shifted, trial.Document.Seed, index, endMin);
        var request = new SimulationRequest
        {
            Model = trial.Model,
            Parameters = patient.Parameters,
            DurationMin = endMin,
            OutputIntervalMin = schedule.OutputIntervalMin,
            Interventions = interventions,
            Modulations = shifted.ModulationsFor(trial.Model, patient.Parameters, adverseEvents.MscEfficacyFactor),
        };
        return new PatientCourse(patient, randomisation, interventions, Run(trial, request, $"{patient.Id} (patient {index}, arm {arm.Name})"), adverseEvents);
    }

    /// <summary>
    /// The time of diagnosis of an untreated patient: the first output sample (from the model's start, every
    /// output interval) whose glucose is at least <paramref name="onsetGlucoseMgPerDl"/>, or null when none is within <paramref name="screeningMin"/>.
    /// </summary>
    /// <exception cref="SimulationFailedException">The solver failed.</exception>
    public static double? DiagnosisMin(ResolvedTrial trial, ParameterSet parameters, double onsetGlucoseMgPerDl, double screeningMin)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(parameters);
        var request = new SimulationRequest
        {
            Model = trial.Model,
            Parameters = parameters,
            DurationMin = screeningMin,
            OutputIntervalMin = trial.Document.Schedule.OutputIntervalMin,
        };
        var result = Run(trial, request, $"{parameters.Name} (screening for diagnosis)");
        double[] glucose = result.Column(Observable.GlucoseMgPerDl);
        int first = Array.FindIndex(glucose, g => g >= onsetGlucoseMgPerDl);
        return first < 0 ? null : result.Column(Simulator.TimeColumn)[first];
    }

    private static (VirtualPatient Patient, double RandomisationMin) Enrol(ResolvedTrial trial, CourseCohort cohort, int index, NormalGenerator normal)
    {
        if (!cohort.NewOnset)
        {
            return (trial.Population.Patient(index, normal), trial.Document.Schedule.RunInMin);
        }

        for (int attempt = 0; attempt < Cohort.MaxRedraws; attempt++)
        {
            var patient = trial.Population.Patient(index, normal);

            // Screen over 1 year first and double up to the screening time: most patients are diagnosed early, and a
            // shorter span is cheaper to simulate. Each try starts again from the model's start.
            for (double span = Math.Min(ScreeningStepMin, cohort.ScreeningMin); ; span = Math.Min(2 * span, cohort.ScreeningMin))
            {
                if (DiagnosisMin(trial, patient.Parameters, cohort.OnsetGlucoseMgPerDl, span) is double diagnosis)
                {
                    return (patient, diagnosis);
                }

                if (span >= cohort.ScreeningMin)
                {
                    break;
                }
            }
        }

        throw new InvalidOperationException(string.Create(
            CultureInfo.InvariantCulture,
            $"Cohort '{cohort.Name}': none of {Cohort.MaxRedraws} draws for patient {index} reached fasting glucose {cohort.OnsetGlucoseMgPerDl:G6} mg/dL within {cohort.ScreeningMin / 1440:G6} d; lengthen 'screening' or change the variability."));
    }

    private static SimulationResult Run(ResolvedTrial trial, SimulationRequest request, string who)
    {
        try
        {
            return Simulator.Run(request, trial.Solver, trial.Options);
        }
        catch (OdeSolverException exception)
        {
            throw new SimulationFailedException(trial.Model.Id, who, exception);
        }
    }
}
