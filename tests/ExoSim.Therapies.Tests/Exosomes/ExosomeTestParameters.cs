using ExoSim.Models.Parameters;
using ExoSim.Therapies.Exosomes;

namespace ExoSim.Therapies.Tests.Exosomes;

/// <summary>Parameter sets for the tests: the defaults evaluated in the mouse (the species the kinetic sources measured).</summary>
internal static class ExosomeTestParameters
{
    public static ParameterSet Mouse { get; } = WithValue(
        ExosomeParameters.Default, ExosomeParameters.BodyWeight, ExosomeParameters.Default[ExosomeParameters.ReferenceBodyWeight]);

    public static ParameterSet WithValue(ParameterSet parameters, string name, double value)
        => ExosomeParameters.Complete(parameters.WithUserValue(name, value));

    public static ExosomeDose Dose(double timeMin, double particles, params ExosomeMechanism[] mechanisms)
        => new(timeMin, particles, ExosomeRoute.Intravenous, 1, mechanisms.ToHashSet());
}
