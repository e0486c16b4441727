using System.Globalization;
using ExoSim.Models.Random;

namespace ExoSim.Trials.Populations;

/// <summary>
/// A cohort of a long-horizon model (t1d-progression, t2d-progression): patients drawn by another cohort (a published
/// subject itself, or log-normal variability around it), and how they are enrolled. A new-onset patient is followed
/// from the model's start (healthy, or before diagnosis) until the first output sample whose fasting glucose reaches
/// <see cref="OnsetGlucoseMgPerDl"/>; it is randomised there. A draw not diagnosed within <see cref="ScreeningMin"/> is
/// not a new-onset patient and is drawn again (see Trials.CoursePatient).
/// </summary>
public sealed class CourseCohort : Cohort
{
    private readonly Cohort draws;
    private readonly string onsetName;

    /// <summary>A long-horizon cohort whose patients <paramref name="draws"/> gives.</summary>
    /// <param name="draws">The cohort that draws the patients (same name, type, model and size).</param>
    /// <param name="newOnset">Whether patients are randomised at their own diagnosis (else after the trial's run-in).</param>
    /// <param name="onsetGlucoseMgPerDl">New-onset: the fasting glucose that diagnoses (mg/dL).</param>
    /// <param name="screeningMin">New-onset: the longest time from the model's start to diagnosis (min).</param>
    /// <param name="onsetName">New-onset: what reaching that glucose is, in the cohort's description (<c>diagnosis</c>; prediabetes: impaired fasting glucose onset).</param>
    public CourseCohort(Cohort draws, bool newOnset, double onsetGlucoseMgPerDl, double screeningMin, string onsetName = "diagnosis")
        : base(draws?.Name ?? string.Empty, draws?.Type ?? string.Empty, draws?.Model!, draws?.Size ?? 0)
    {
        ArgumentNullException.ThrowIfNull(draws);
        this.draws = draws;
        NewOnset = newOnset;
        OnsetGlucoseMgPerDl = onsetGlucoseMgPerDl;
        ScreeningMin = screeningMin;
        this.onsetName = onsetName;
    }

    /// <summary>Whether patients are randomised at their own diagnosis.</summary>
    public bool NewOnset { get; }

    /// <summary>The fasting glucose that diagnoses a new-onset patient (mg/dL).</summary>
    public double OnsetGlucoseMgPerDl { get; }

    /// <summary>The longest time from the model's start to diagnosis of a new-onset patient (min).</summary>
    public double ScreeningMin { get; }

    /// <inheritdoc/>
    public override string Describe() => NewOnset
        ? string.Create(CultureInfo.InvariantCulture, $"{draws.Describe()}; new onset: each patient followed from the model's start to its {onsetName}, the first output sample with fasting glucose ≥ {OnsetGlucoseMgPerDl:G6} mg/dL, and randomised there (a draw not reaching it within {ScreeningMin / 1440:G6} d is drawn again)")
        : $"{draws.Describe()}; randomised at the end of the run-in";

    /// <inheritdoc/>
    public override VirtualPatient Patient(int member, int index, NormalGenerator normal) => draws.Patient(member, index, normal);
}
