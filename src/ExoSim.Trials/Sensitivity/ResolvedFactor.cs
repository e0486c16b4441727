using ExoSim.Analysis.Sensitivity;

namespace ExoSim.Trials.Sensitivity;

/// <summary>Whose parameter a factor is.</summary>
public enum FactorKind
{
    /// <summary>A parameter of the scenario's physiology model.</summary>
    Model,

    /// <summary>A parameter of the exosome therapy (<c>exosim params exosome</c>), written <c>exosome.NAME</c>.</summary>
    Exosome,

    /// <summary>A parameter of the MSC therapy (<c>exosim params msc</c>), written <c>msc.NAME</c>.</summary>
    Msc,
}

/// <summary>A factor resolved against the analysed file: its parameter, unit, nominal value and range.</summary>
/// <param name="Name">The factor as written in the spec (<c>Gb</c>, <c>exosome.hill</c>).</param>
/// <param name="Kind">Whose parameter it is.</param>
/// <param name="Parameter">The parameter's name in its parameter set.</param>
/// <param name="Unit">The parameter's unit (every value of the factor is in it).</param>
/// <param name="Nominal">The value the analysed file uses.</param>
/// <param name="Lower">Lower end of the range (the nominal value for a local analysis without a range).</param>
/// <param name="Upper">Upper end of the range.</param>
/// <param name="Distribution"><c>uniform</c>, or <c>log_uniform</c> (uniform in the logarithm).</param>
/// <param name="RangeAsWritten">The range as the spec wrote it (<c>[0.25, 0.75]</c>, <c>±50%</c>), or empty.</param>
/// <param name="NominalSource">Where the nominal value comes from (the parameter set's source or the file's override).</param>
/// <param name="PlausibleMinimum">The parameter's plausible minimum, where its definition gives one.</param>
/// <param name="PlausibleMaximum">The parameter's plausible maximum, where its definition gives one.</param>
public sealed record ResolvedFactor(
    string Name, FactorKind Kind, string Parameter, string Unit, double Nominal, double Lower, double Upper, string Distribution, string RangeAsWritten,
    string NominalSource, double? PlausibleMinimum, double? PlausibleMaximum)
{
    /// <summary>The factor as the sampling methods see it: its range, or for <c>log_uniform</c> the range of its natural logarithm.</summary>
    public SensitivityFactor SamplingFactor() => Distribution == "log_uniform" ? new(Name, Math.Log(Lower), Math.Log(Upper)) : new(Name, Lower, Upper);

    /// <summary>The parameter value of a sampled coordinate (its exponential for <c>log_uniform</c>).</summary>
    public double FromSampling(double coordinate) => Distribution == "log_uniform" ? Math.Exp(coordinate) : coordinate;
}
