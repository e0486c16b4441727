using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.Tests.Ode.Rosenbrock;

/// <summary>
/// A smooth, non-stiff, non-autonomous and nonlinear system with a closed-form solution, for order and dense-output
/// tests: y1' = y1·cos t (y1 = e^(sin t)), y2' = −2t·y2² (y2 = 1/(1 + t²)), y(0) = (1, 1).
/// </summary>
internal class SmoothTestSystem : IOdeSystem
{
    public int Dimension => 2;

    public static double[] Exact(double t) => [Math.Exp(Math.Sin(t)), 1 / (1 + (t * t))];

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = y[0] * Math.Cos(t);
        dydt[1] = -2 * t * y[1] * y[1];
    }
}

/// <summary>The same system with analytic ∂f/∂y and ∂f/∂t.</summary>
internal sealed class SmoothTestSystemAnalytic : SmoothTestSystem, IOdeJacobian, IOdeTimeDerivative
{
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        jacobian[0] = Math.Cos(t);
        jacobian[1] = 0;
        jacobian[2] = 0;
        jacobian[3] = -4 * t * y[1];
    }

    public void EvaluateTimeDerivative(double t, ReadOnlySpan<double> y, Span<double> dfdt)
    {
        dfdt[0] = -y[0] * Math.Sin(t);
        dfdt[1] = -2 * y[1] * y[1];
    }
}
