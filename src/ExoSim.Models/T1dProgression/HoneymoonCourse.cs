namespace ExoSim.Models.T1dProgression;

/// <summary>The honeymoon read from a course of residual β-cell function after insulin start (see <see cref="T1dProgressionValidation.Honeymoon"/>).</summary>
/// <param name="PeakDay">Days from insulin start to the maximal residual β-cell function.</param>
/// <param name="PeakFunction">The maximal residual β-cell function fraction.</param>
/// <param name="DurationDays">Days from insulin start until the function falls back below its start value (NaN if it does not within 400 d).</param>
/// <param name="LargestRise">Maximal function minus the function at the start (≤ 0: no remission).</param>
/// <param name="FunctionAt100Days">Residual β-cell function fraction 100 d after insulin start.</param>
/// <param name="FunctionAt365Days">Residual β-cell function fraction 365 d after insulin start.</param>
public sealed record HoneymoonCourse(double PeakDay, double PeakFunction, double DurationDays, double LargestRise, double FunctionAt100Days, double FunctionAt365Days);
