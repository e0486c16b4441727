using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;
using static ExoSim.Models.RoyParker.RoyParker2006Parameters;

namespace ExoSim.Models.RoyParker;

/// <summary>
/// Right-hand side of the Roy &amp; Parker 2006 model (doi:10.1089/dia.2006.8.617), states in
/// <see cref="RoyParker2006Model.States"/> order [G, X, I, Y, F, Z]; input channel 0 is the exogenous insulin infusion
/// u1 (µU/min), which starts at the basal rate u1b.
/// </summary>
internal sealed class RoyParker2006System : ModelSystem, IOdeJacobian
{
    /// <summary>Input channel of the insulin infusion u1 (µU/min).</summary>
    public const int InsulinChannel = 0;

    public const int G = 0, X = 1, I = 2, Y = 3, F = 4, Z = 5, Count = 6;

    public RoyParker2006System(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
        : base(parameters, Count, 1, modulations)
    {
        InputRates[InsulinChannel] = parameters[U1b];
    }

    protected override void EvaluateModel(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var p = P;
        double g = y[G], x = y[X], insulin = y[I], yf = y[Y], f = y[F], z = y[Z];

        // Glucose: Bergman-type disappearance, minus insulin action, plus impaired uptake by remote FFA (Z above 0).
        dydt[G] = (-p[P1] * g) - (p[P4] * x * g) + (p[P6] * g * z) + (p[P1] * p[Gb]) - (p[P6] * p[Gb] * p[Zb]);
        dydt[X] = (-p[P2] * x) + (p[P3] * (insulin - p[Ib]));
        dydt[I] = (-p[N] * insulin) + (p[P5] * InputRates[InsulinChannel]);
        dydt[Y] = (-p[PF2] * yf) + (p[PF3] * (insulin - p[Ib]));

        // FFA: return to basal, antilipolysis by remote insulin Y, lipolysis stimulated by glucose above basal.
        dydt[F] = (-p[P7] * (f - p[Fb])) - (p[P8] * yf * f) + (p[P9] * ((f * g) - (p[Fb] * p[Gb])));
        dydt[Z] = (-p[K2] * (z - p[Zb])) + (p[K1] * (f - p[Fb]));
    }

    /// <inheritdoc />
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        var p = P;
        jacobian.Clear();
        jacobian[(G * Count) + G] = -p[P1] - (p[P4] * y[X]) + (p[P6] * y[Z]);
        jacobian[(G * Count) + X] = -p[P4] * y[G];
        jacobian[(G * Count) + Z] = p[P6] * y[G];
        jacobian[(X * Count) + X] = -p[P2];
        jacobian[(X * Count) + I] = p[P3];
        jacobian[(I * Count) + I] = -p[N];
        jacobian[(Y * Count) + I] = p[PF3];
        jacobian[(Y * Count) + Y] = -p[PF2];
        jacobian[(F * Count) + G] = p[P9] * y[F];
        jacobian[(F * Count) + Y] = -p[P8] * y[F];
        jacobian[(F * Count) + F] = -p[P7] - (p[P8] * y[Y]) + (p[P9] * y[G]);
        jacobian[(Z * Count) + F] = p[K1];
        jacobian[(Z * Count) + Z] = -p[K2];
    }
}
