using ExoSim.Models.Multiscale;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;

namespace ExoSim.Models.Tests.Simulation;

public class ParameterModulationTests
{
    private static readonly ParameterSchema Schema = new([new ParameterDefinition("k", "1/min", "rate")]);

    /// <summary>dy/dt = k: the derivative shows the modulated parameter directly.</summary>
    private sealed class RateSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
        : ModelSystem(parameters, 1, 0, modulations)
    {
        protected override void EvaluateModel(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = P[0];
    }

    private static double Rate(IReadOnlyList<ParameterModulation> modulations, double t, double segmentStart)
    {
        var parameters = ParameterSet.Create("test", Schema).Set("k", 2, ParameterOrigin.Assumption, "test value").Build();
        var system = new RateSystem(parameters, modulations);
        system.EnterSegment(segmentStart);
        var dydt = new double[1];
        system.Evaluate(t, [0], dydt);
        return dydt[0];
    }

    [Fact]
    public void Two_modulations_of_one_parameter_compound()
    {
        ParameterModulation[] both = [new StepModulation("k", 1.5, 0, 100), new StepModulation("k", 2, 50, 200)];
        Assert.Equal(2 * 1.5, Rate(both, 10, 0));
        Assert.Equal(2 * 1.5 * 2, Rate(both, 60, 50));
        Assert.Equal(2 * 2, Rate(both, 150, 100));
        Assert.Equal(2, Rate(both, 250, 200));
    }

    [Fact]
    public void Repeated_evaluation_does_not_accumulate_the_multiplier()
    {
        var parameters = ParameterSet.Create("test", Schema).Set("k", 2, ParameterOrigin.Assumption, "test value").Build();
        var external = new ExternalMultiplier("k") { Value = 3 };
        var system = new RateSystem(parameters, [external]);
        var dydt = new double[1];
        system.Evaluate(0, [0], dydt);
        system.Evaluate(1, [0], dydt);
        Assert.Equal(6, dydt[0]);
        external.Value = 0.5;
        system.Evaluate(2, [0], dydt);
        Assert.Equal(1, dydt[0]);
    }
}
