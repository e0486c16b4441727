namespace ExoSim.Analysis.Estimation;

/// <summary>A fit that cannot be carried out (e.g. the model fails at the start values); the message says why.</summary>
public sealed class EstimationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EstimationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public EstimationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EstimationException()
    {
    }
}
