using ExoSim.Models.Bergman;
using ExoSim.Models.Parameters;
using ExoSim.Models.Validation;

namespace ExoSim.Models.Tests.Bergman;

/// <summary>
/// Validation of <c>bergman-minimal</c> (the suite <see cref="BergmanMinimalValidation"/>, also run by
/// <c>exosim validate</c>): closed-form glucose decay, an independent implementation, and the published MINMOD example
/// FSIGT data (Pacini &amp; Bergman 1986, doi:10.1016/0169-2607(86)90106-9). References and tolerances are stated
/// per check in the suite.
/// </summary>
public class BergmanMinimalValidationTests
{
    public static TheoryData<string> CheckNames()
    {
        var data = new TheoryData<string>();
        foreach (var check in Suite.Value)
        {
            data.Add(check.Quantity);
        }

        return data;
    }

    private static readonly Lazy<IReadOnlyList<ValidationCheck>> Suite = new(() => new BergmanMinimalValidation().Run());

    [Theory]
    [MemberData(nameof(CheckNames))]
    public void Validation_check_passes(string quantity)
    {
        var check = Suite.Value.Single(c => c.Quantity == quantity);
        Assert.True(check.Passed, $"{check.Quantity}: got {check.Got} {check.Unit}, expected {check.Expected} ± {check.Tolerance} ({check.Reference})");
    }

    [Fact]
    public void Suite_covers_data_independent_implementation_and_closed_form()
    {
        Assert.Contains(Suite.Value, c => c.Reference.Contains("Pacini & Bergman 1986", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Reference.Contains("independently", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Reference.Contains("exact solution", StringComparison.Ordinal));
    }

    [Fact]
    public void Below_threshold_insulin_decays_with_clearance_n()
    {
        // With G0 = Gb = 80 ≤ h and p3 = 0, G stays 80 < h, the secretion term is zero and I(t) = I0·e^(−n·t).
        var model = new BergmanMinimalModel();
        var parameters = model.Complete(model.Patient(BergmanMinimalModel.ExampleSubject)
            .WithUserValue("p3", 0).WithUserValue("G0", 80).WithUserValue("Gb", 80));
        var result = Models.Simulation.Simulator.Run(
            new Models.Simulation.SimulationRequest { Model = model, Parameters = parameters, DurationMin = 60, OutputIntervalMin = 1 },
            Numerics.Ode.OdeSolvers.DormandPrince54,
            new Numerics.Ode.SolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 });
        var time = result.Column("time_min");
        var insulin = result.Column("I");
        for (int r = 0; r < result.RowCount; r++)
        {
            Assert.Equal(403.4 * Math.Exp(-0.2659 * time[r]), insulin[r], 6);
        }
    }

    [Fact]
    public void Insulin_sensitivity_is_derived_as_p3_over_p2()
    {
        var parameters = new BergmanMinimalModel().Patient(BergmanMinimalModel.ExampleSubject);
        Assert.Equal(1.062e-5 / 0.02093, parameters["SI"], 12);
        Assert.Equal(ParameterOrigin.Derived, parameters.Entry("SI").Origin);
    }
}
