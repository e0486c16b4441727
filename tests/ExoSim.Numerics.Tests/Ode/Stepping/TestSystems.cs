using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.Tests.Ode.Stepping;

/// <summary>y' = −k·y: exact solution y0·e^(−k·t).</summary>
internal sealed class LinearDecay(double rate) : IOdeSystem
{
    public double Rate { get; } = rate;

    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = -Rate * y[0];
}

/// <summary>Falling ball, state (height, velocity): h' = v, v' = −g.</summary>
internal sealed class FallingBall(double gravity) : IOdeSystem
{
    public double Gravity { get; } = gravity;

    public int Dimension => 2;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = y[1];
        dydt[1] = -Gravity;
    }
}

/// <summary>y' = u − k·y with a piecewise-constant input u held by the system (changed by an event's Apply).</summary>
internal sealed class HeldInput(double rate) : IOdeSystem
{
    public double Input { get; set; }

    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = Input - (rate * y[0]);
}

/// <summary>y' = u(t) − k·y where the system reads t: u = 0 before <c>switchTime</c>, 1 from then on.</summary>
internal sealed class TimeSwitchedInput(double rate, double switchTime) : IOdeSystem
{
    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        => dydt[0] = (t < switchTime ? 0.0 : 1.0) - (rate * y[0]);
}

/// <summary>y' = y², y(0) = 1: y = 1/(1 − t) blows up at t = 1.</summary>
internal sealed class BlowUp : IOdeSystem
{
    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = y[0] * y[0];
}

/// <summary>y' = −y, but the right-hand side returns NaN from <c>poisonTime</c> on.</summary>
internal sealed class NaNAfter(double poisonTime) : IOdeSystem
{
    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = t >= poisonTime ? double.NaN : -y[0];
}

/// <summary>Harmonic oscillator y'' = −y, state (y, y'): y = cos t from (1, 0).</summary>
internal sealed class Oscillator : IOdeSystem
{
    public int Dimension => 2;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = y[1];
        dydt[1] = -y[0];
    }
}
