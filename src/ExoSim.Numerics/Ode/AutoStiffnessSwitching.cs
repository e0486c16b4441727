using System.Globalization;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using ExoSim.Numerics.Ode.Rosenbrock;
using ExoSim.Numerics.Ode.Stepping;

namespace ExoSim.Numerics.Ode;

/// <summary>
/// Starts with the explicit <see cref="DormandPrince54"/> and switches once, for the rest of the solve, to the stiff
/// <see cref="Rodas5P"/> when the explicit method's step size is limited by stability rather than accuracy.
/// </summary>
/// <remarks>
/// Stiffness test of Hairer, Nørsett &amp; Wanner, Solving ODEs I (2nd ed.), IV.2 (as in their DOPRI5 code): on every
/// accepted step h·|λ| is estimated from the last two stages; when it exceeds 3.25 (near the border of the method's
/// stability region) on 15 accepted steps without 6 consecutive non-stiff steps in between, the problem is declared
/// stiff. The switch is one-way: physiology models that are stiff somewhere usually stay so.
/// </remarks>
public sealed class AutoStiffnessSwitching : IOdeSolver
{
    /// <summary>h·|λ| above which a step counts as stability-limited (Hairer, Nørsett &amp; Wanner I, IV.2).</summary>
    public const double StabilityLimitedThreshold = 3.25;

    /// <summary>Stability-limited steps needed to declare stiffness.</summary>
    public const int StiffStepsToSwitch = 15;

    /// <summary>Consecutive non-stiff steps that reset the count.</summary>
    public const int NonStiffStepsToReset = 6;

    /// <inheritdoc />
    public string Name => "Auto";

    /// <inheritdoc />
    public OdeSolution Solve(OdeProblem problem, SolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= SolverOptions.Default;
        options.Validate(problem.System.Dimension);
        var counters = new SolverCounters();
        var explicitStepper = new DormandPrince54Stepper(problem.System, options, counters);
        var policy = new SwitchPolicy(() => new Rodas5PStepper(problem.System, options, counters));
        return new IntegrationDriver(problem, options, explicitStepper, counters, policy).Run();
    }

    private sealed class SwitchPolicy(Func<OdeStepper> createStiff) : IStepperSwitch
    {
        private int stiffSteps;
        private int nonStiffSteps;
        private double? switchTime;

        public OdeStepper? NextStepper(OdeStepper current, double t)
        {
            if (current is not DormandPrince54Stepper explicitStepper)
            {
                return null;
            }

            if (explicitStepper.StiffnessIndicator > StabilityLimitedThreshold)
            {
                nonStiffSteps = 0;
                if (++stiffSteps >= StiffStepsToSwitch)
                {
                    switchTime = t;
                    return createStiff();
                }
            }
            else if (++nonStiffSteps >= NonStiffStepsToReset)
            {
                stiffSteps = 0;
            }

            return null;
        }

        public string Describe() => switchTime is { } time
            ? string.Create(CultureInfo.InvariantCulture, $"Auto (DormandPrince54, then Rodas5P from t = {time:G6})")
            : "Auto (DormandPrince54)";
    }
}
