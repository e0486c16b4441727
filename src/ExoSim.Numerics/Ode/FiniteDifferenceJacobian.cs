namespace ExoSim.Numerics.Ode;

/// <summary>The forward-difference Jacobian ∂f/∂y shared by the stiff solver and the steady-state solver.</summary>
internal static class FiniteDifferenceJacobian
{
    /// <summary>√ε of double precision: the relative perturbation that balances truncation and rounding error.</summary>
    public static readonly double SqrtEpsilon = Math.Sqrt(Math.BitIncrement(1.0) - 1.0);

    /// <summary>
    /// Writes ∂f_i/∂y_j (row-major, i·n + j) by forward differences around <paramref name="f0"/> = f(t, y), one column per
    /// component, perturbing y_j by √ε·max(|y_j|, <paramref name="floor"/>) (the increment actually representable is
    /// used). <paramref name="work"/> and <paramref name="fWork"/> are scratch vectors of length n.
    /// </summary>
    /// <returns>The number of right-hand-side evaluations made (n).</returns>
    public static int Forward(
        IOdeSystem system, double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, Span<double> work, Span<double> fWork, Span<double> jacobian, double floor)
    {
        int n = y.Length;
        y.CopyTo(work);
        for (int j = 0; j < n; j++)
        {
            double yj = work[j];
            double perturbed = yj + (SqrtEpsilon * Math.Max(Math.Abs(yj), floor));
            double delta = perturbed - yj;
            work[j] = perturbed;
            system.Evaluate(t, work, fWork);
            work[j] = yj;
            double inverseDelta = 1.0 / delta;
            for (int i = 0; i < n; i++)
            {
                jacobian[(i * n) + j] = (fWork[i] - f0[i]) * inverseDelta;
            }
        }

        return n;
    }
}
