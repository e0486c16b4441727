namespace ExoSim.Models.Parameters;

/// <summary>Where a parameter value comes from, so reports can tell literature from guesses.</summary>
public enum ParameterOrigin
{
    /// <summary>Taken from a publication or a published data set (the source names it).</summary>
    Literature,

    /// <summary>Computed from other parameters, e.g. a basal steady-state relation (the source names the equation).</summary>
    Derived,

    /// <summary>Chosen by ExoSim's authors where no published value exists (the source says why).</summary>
    Assumption,

    /// <summary>Set by the user in a scenario, overriding the default.</summary>
    UserDefined,
}
