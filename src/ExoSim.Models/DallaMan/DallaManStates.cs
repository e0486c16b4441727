namespace ExoSim.Models.DallaMan;

/// <summary>Positions of the states of <see cref="DallaMan2007Model"/> in the state vector.</summary>
public static class DallaManStates
{
#pragma warning disable CS1591 // State indices; each state is documented in DallaMan2007Model.States.
    public const int Qsto1 = 0, Qsto2 = 1, Qgut = 2, Gp = 3, Gt = 4, Ip = 5, Il = 6, X = 7, I1 = 8, Id = 9, Ipo = 10, Y = 11;
#pragma warning restore CS1591

    /// <summary>Number of states.</summary>
    public const int Count = 12;
}
