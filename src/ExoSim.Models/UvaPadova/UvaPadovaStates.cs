namespace ExoSim.Models.UvaPadova;

/// <summary>Positions of the states of <see cref="UvaPadovaT1DModel"/> in the state vector (simglucose's x[0]…x[12]).</summary>
public static class UvaPadovaStates
{
#pragma warning disable CS1591 // State indices; each state is documented in UvaPadovaT1DModel.States.
    public const int Qsto1 = 0, Qsto2 = 1, Qgut = 2, Gp = 3, Gt = 4, Ip = 5, X = 6, I1 = 7, Id = 8, Il = 9;
    public const int Isc1 = 10, Isc2 = 11, Gs = 12;
#pragma warning restore CS1591

    /// <summary>Number of states.</summary>
    public const int Count = 13;
}
