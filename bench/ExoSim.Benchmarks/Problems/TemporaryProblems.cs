using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Testing.Problems;

namespace ExoSim.Benchmarks.Problems;

// TEMPORARY: stand-ins with exact solutions, used only until the shared test problems (ROBER, HIRES, …, Arenstorf,
// …) are merged into tests/ExoSim.Numerics.Testing. Delete this file then; no problem may be defined twice.
internal static class TemporaryProblems
{
    /// <summary>y' = A·y with eigenvalues −1 and −1000; y(t) = e^(−t)(1, 1) + e^(−1000 t)(1, −1).</summary>
    public static TestProblem StiffLinear { get; } = new(
        "TEMP-StiffLinear", new StiffLinearSystem(), [2.0, 0.0], 0, 10,
        [Math.Exp(-10) + Math.Exp(-10_000), Math.Exp(-10) - Math.Exp(-10_000)], "exact solution", IsStiff: true);

    /// <summary>y'' = −y as a first-order system; y(t) = (cos t, −sin t).</summary>
    public static TestProblem Oscillator { get; } = new(
        "TEMP-Oscillator", new OscillatorSystem(), [1.0, 0.0], 0, 20, [Math.Cos(20), -Math.Sin(20)], "exact solution", IsStiff: false);

    private sealed class StiffLinearSystem : IOdeSystem, IOdeJacobian
    {
        private const double A = -500.5, B = 499.5;

        public int Dimension => 2;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            dydt[0] = (A * y[0]) + (B * y[1]);
            dydt[1] = (B * y[0]) + (A * y[1]);
        }

        public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
        {
            jacobian[0] = A;
            jacobian[1] = B;
            jacobian[2] = B;
            jacobian[3] = A;
        }
    }

    private sealed class OscillatorSystem : IOdeSystem
    {
        public int Dimension => 2;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            dydt[0] = y[1];
            dydt[1] = -y[0];
        }
    }
}
