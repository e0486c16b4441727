namespace ExoSim.Models;

/// <summary>A state of a model: the source paper's symbol, its unit and meaning.</summary>
/// <param name="Name">Symbol as in the source paper, e.g. <c>G</c>, <c>Gp</c>, <c>Qsto1</c>.</param>
/// <param name="Unit">Unit, e.g. <c>mg/dL</c>, <c>mg/kg</c>.</param>
/// <param name="Description">Plain-language meaning.</param>
public sealed record StateVariable(string Name, string Unit, string Description);

/// <summary>A quantity computed from the state, written next to the states (e.g. <c>glucose_mg_dl</c>).</summary>
/// <param name="Name">Column name, with its unit in the name where ambiguity is possible.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Description">Plain-language meaning and formula.</param>
public sealed record Observable(string Name, string Unit, string Description)
{
    /// <summary>Plasma glucose concentration in mg/dL: present for every model with glucose.</summary>
    public const string GlucoseMgPerDl = "glucose_mg_dl";

    /// <summary>Noise-free interstitial glucose in mg/dL, what a CGM sensor reads: present for models with a sensor compartment.</summary>
    public const string InterstitialGlucoseMgPerDl = "cgm_glucose_mg_dl";
}
