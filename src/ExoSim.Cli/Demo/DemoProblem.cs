using ExoSim.Numerics.Ode;

namespace ExoSim.Cli.Demo;

/// <summary>
/// A small initial-value problem with a reference solution at its end time, solved by <c>exosim demo</c>.
/// Kept in the CLI (not the test helpers) because the shipped command must not depend on test projects.
/// </summary>
/// <param name="Name">Short name shown in the table.</param>
/// <param name="Description">One line: what the problem is.</param>
/// <param name="System">The right-hand side.</param>
/// <param name="InitialState">State at <paramref name="StartTime"/>.</param>
/// <param name="StartTime">Start of integration.</param>
/// <param name="EndTime">End of integration.</param>
/// <param name="Reference">The reference state at <paramref name="EndTime"/>.</param>
/// <param name="Source">Where <paramref name="Reference"/> comes from.</param>
internal sealed record DemoProblem(
    string Name,
    string Description,
    IOdeSystem System,
    double[] InitialState,
    double StartTime,
    double EndTime,
    double[] Reference,
    string Source);
