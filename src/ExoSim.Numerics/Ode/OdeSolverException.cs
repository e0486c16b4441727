using System.Globalization;
using System.Text;

namespace ExoSim.Numerics.Ode;

/// <summary>Why a solve failed.</summary>
public enum OdeFailureKind
{
    /// <summary>The step size fell below what floating-point time can resolve: the problem is too stiff for the method, or singular.</summary>
    StepSizeUnderflow,

    /// <summary>The right-hand side or the state became NaN or infinite.</summary>
    NonFiniteState,

    /// <summary>More step attempts than <see cref="SolverOptions.MaxSteps"/>.</summary>
    TooManySteps,

    /// <summary>The iteration matrix of an implicit method is singular at every step size tried.</summary>
    SingularMatrix,
}

/// <summary>
/// A solve failed. The message names the method, the time, the step size and the state, so that callers (a trial
/// engine) can add which patient it was rather than receive NaN.
/// </summary>
public sealed class OdeSolverException : Exception
{
    /// <summary>Creates the exception with a descriptive message.</summary>
    public OdeSolverException(OdeFailureKind kind, string method, double time, double stepSize, double[] state, string detail)
        : base(Describe(kind, method, time, stepSize, state, detail))
    {
        Kind = kind;
        Method = method;
        Time = time;
        StepSize = stepSize;
        State = state;
    }

    /// <summary>What went wrong.</summary>
    public OdeFailureKind Kind { get; }

    /// <summary>The solver's name.</summary>
    public string Method { get; }

    /// <summary>Time at which the solve failed.</summary>
    public double Time { get; }

    /// <summary>The last step size tried.</summary>
    public double StepSize { get; }

    /// <summary>The last accepted state.</summary>
    public double[] State { get; }

    private static string Describe(OdeFailureKind kind, string method, double time, double stepSize, double[] state, string detail)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{method} failed ({kind}) at t = {time:G10} with step size {stepSize:G4}: {detail}. State = [");
        for (int i = 0; i < state.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(state[i].ToString("G8", CultureInfo.InvariantCulture));
        }

        text.Append(']');
        return text.ToString();
    }
}
