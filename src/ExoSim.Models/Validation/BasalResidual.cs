using ExoSim.Models.Parameters;

namespace ExoSim.Models.Validation;

/// <summary>How far a model's basal state is from rest: the check every steady-state validation row uses.</summary>
public static class BasalResidual
{
    /// <summary>
    /// Largest |f_i(x_basal)| / max(|x_i|, 1) (per minute) of the model's right-hand side at its
    /// <see cref="PhysiologyModel.InitialState"/>, with the default (basal) inputs and no modulation.
    /// </summary>
    public static double Of(PhysiologyModel model, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        var system = model.CreateSystem(parameters, []);
        var x0 = model.InitialState(parameters);
        var f = new double[x0.Length];
        system.Evaluate(0, x0, f);
        double worst = 0;
        for (int i = 0; i < x0.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(f[i]) / Math.Max(Math.Abs(x0[i]), 1));
        }

        return worst;
    }
}
