using ExoSim.Analysis.Estimation;
using ExoSim.Models.Random;

namespace ExoSim.Analysis.Tests.Estimation;

/// <summary>Closed-form estimation problems whose answers are known.</summary>
internal static class EstimationTestProblems
{
    public static readonly double[] DecayTimesMin = [2, 5, 10, 15, 20, 30, 45, 60, 90, 120];

    /// <summary>Additive error model of one observable "y".</summary>
    public static ObservableErrorModel Additive(double sd, bool estimated = false)
        => new("y", "u", ErrorModelKind.Additive, new ErrorCoefficient(sd, estimated), null);

    /// <summary>y = A·exp(−k·t) at <see cref="DecayTimesMin"/>, with normal noise of SD <paramref name="sd"/> from stream <paramref name="seed"/>.</summary>
    public static EstimationProblem Decay(double amplitude, double rate, double sd, ulong seed, bool estimateSd = false)
    {
        var noise = new NormalGenerator(Xoshiro256StarStar.ForStream(seed, 0));
        var observations = DecayTimesMin.Select(t => new Observation(t, 0, (amplitude * Math.Exp(-rate * t)) + (sd * noise.Next()))).ToArray();
        return new EstimationProblem
        {
            Parameters = [new("A", 50, 1, 1000, "u"), new("k", 0.01, 1e-4, 1, "1/min")],
            Observations = observations,
            ErrorModels = [Additive(sd, estimateSd)],
            Objective = ObjectiveKind.MinusTwoLogLikelihood,
            Predict = values => [.. observations.Select(o => values[0] * Math.Exp(-values[1] * o.TimeMin))],
        };
    }
}
