using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Numerics.Tests.Ode.Stepping;

/// <summary>Clear failures instead of NaN: blow-up, step limits, non-finite values, malformed input.</summary>
public class FailureTests
{
    [Fact]
    public void Blow_up_fails_near_the_singularity_and_names_time_and_state()
    {
        var problem = new OdeProblem(new BlowUp(), [1.0], 0, 2);
        var exception = Assert.Throws<OdeSolverException>(() => new DormandPrince54().Solve(problem));
        Assert.Contains(exception.Kind, new[] { OdeFailureKind.StepSizeUnderflow, OdeFailureKind.NonFiniteState });
        // The numerical solution's pole is shifted by about the tolerance (measured: t = 1.00000016 at rtol 1e-6).
        Assert.True(Math.Abs(exception.Time - 1) < 1e-5, exception.Message);
        Assert.Single(exception.State);
        Assert.True(exception.State[0] > 1e3, $"state {exception.State[0]}");
        Assert.Contains("DormandPrince54", exception.Message, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"t = {exception.Time:G10}"), exception.Message, StringComparison.Ordinal);
        Assert.Contains("State = [", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exceeding_MaxSteps_fails_with_TooManySteps()
    {
        var problem = new OdeProblem(new Oscillator(), [1.0, 0.0], 0, 100);
        var exception = Assert.Throws<OdeSolverException>(
            () => new DormandPrince54().Solve(problem, new SolverOptions { RelativeTolerance = 1e-10, MaxSteps = 50 }));
        Assert.Equal(OdeFailureKind.TooManySteps, exception.Kind);
        Assert.Contains("MaxSteps", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Time > 0 && exception.Time < 100);
    }

    [Fact]
    public void NaN_from_the_right_hand_side_fails_with_NonFiniteState()
    {
        var later = Assert.Throws<OdeSolverException>(() => new DormandPrince54().Solve(new OdeProblem(new NaNAfter(2.5), [1.0], 0, 5)));
        Assert.Equal(OdeFailureKind.NonFiniteState, later.Kind);
        Assert.InRange(later.Time, 2.4, 2.5);
        Assert.Equal(Math.Exp(-later.Time), later.State[0], 6);

        var atStart = Assert.Throws<OdeSolverException>(() => new DormandPrince54().Solve(new OdeProblem(new NaNAfter(0), [1.0], 0, 5)));
        Assert.Equal(OdeFailureKind.NonFiniteState, atStart.Kind);
        Assert.Equal(0.0, atStart.Time);
    }

    [Fact]
    public void Event_setting_a_non_finite_state_fails()
    {
        var problem = new OdeProblem(new LinearDecay(1), [1.0], 0, 5)
        {
            DiscreteEvents = [new DiscreteEvent(2, (t, y) => y[0] = double.PositiveInfinity)],
        };
        var exception = Assert.Throws<OdeSolverException>(() => new DormandPrince54().Solve(problem));
        Assert.Equal(OdeFailureKind.NonFiniteState, exception.Kind);
        Assert.Equal(2.0, exception.Time);
    }

    public static TheoryData<SolverOptions, string> BadOptions => new()
    {
        { new SolverOptions { RelativeTolerance = -1e-6 }, "RelativeTolerance" },
        { new SolverOptions { RelativeTolerance = 0 }, "RelativeTolerance" },
        { new SolverOptions { AbsoluteTolerance = double.NaN }, "AbsoluteTolerance" },
        { new SolverOptions { AbsoluteTolerances = [1e-8, 1e-8] }, "AbsoluteTolerances" },
        { new SolverOptions { AbsoluteTolerances = [-1.0] }, "AbsoluteTolerances[0]" },
        { new SolverOptions { InitialStep = -0.1 }, "InitialStep" },
        { new SolverOptions { MaxStep = 0 }, "MaxStep" },
        { new SolverOptions { MaxSteps = 0 }, "MaxSteps" },
        { new SolverOptions { EventTimeTolerance = -1 }, "EventTimeTolerance" },
        { new SolverOptions { SaveAt = [1.0, 0.5] }, "SaveAt" },
        { new SolverOptions { SaveAt = [double.NaN] }, "SaveAt" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_rejected_with_a_message_naming_the_option(SolverOptions options, string name)
    {
        var problem = new OdeProblem(new LinearDecay(1), [1.0], 0, 1);
        var exception = Assert.Throws<ArgumentException>(() => new DormandPrince54().Solve(problem, options));
        Assert.Contains(name, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_problems_are_rejected_with_clear_messages()
    {
        var reversed = Assert.Throws<ArgumentException>(() => new OdeProblem(new LinearDecay(1), [1.0], 2, 1));
        Assert.Contains("end > start", reversed.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<ArgumentException>(() => new OdeProblem(new LinearDecay(1), [1.0], 1, 1));
        Assert.Contains("end > start", empty.Message, StringComparison.Ordinal);
        var length = Assert.Throws<ArgumentException>(() => new OdeProblem(new LinearDecay(1), [1.0, 2.0], 0, 1));
        Assert.Contains("dimension 1", length.Message, StringComparison.Ordinal);
        var nonFinite = Assert.Throws<ArgumentException>(() => new OdeProblem(new Oscillator(), [1.0, double.NaN], 0, 1));
        Assert.Contains("entry 1", nonFinite.Message, StringComparison.Ordinal);
        var infiniteTime = Assert.Throws<ArgumentException>(() => new OdeProblem(new LinearDecay(1), [1.0], 0, double.PositiveInfinity));
        Assert.Contains("finite", infiniteTime.Message, StringComparison.Ordinal);
    }
}
