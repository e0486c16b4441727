using ExoSim.Analysis.Sensitivity;

namespace ExoSim.Analysis.Tests.Sensitivity;

public sealed class LocalSensitivityTests
{
    [Fact]
    public void PowerLawCoefficientsAreItsExponents()
    {
        // y = a·x1²·x2: (∂y/∂x1)(x1/y) = 2 and (∂y/∂x2)(x2/y) = 1 exactly, for any a (here a = 3.5, itself a parameter: 1).
        static double Model(double[] p) => p[0] * p[1] * p[1] * p[2];
        var result = LocalSensitivity.Analyse(Model, [new("a", 3.5), new("x1", 1.7), new("x2", -0.4)]);

        Assert.Equal(3.5 * 1.7 * 1.7 * -0.4, result.NominalOutput, 1e-12);
        Assert.Equal(7, result.ModelEvaluations);
        Assert.Equal(1.0, result.Coefficients[0].Coefficient, 1e-8);
        Assert.Equal(2.0, result.Coefficients[1].Coefficient, 1e-8);
        Assert.Equal(1.0, result.Coefficients[2].Coefficient, 1e-8);
    }

    [Fact]
    public void NonPowerLawCoefficientMatchesItsDerivative()
    {
        // y = 3 + exp(k): coefficient k·exp(k)/(3 + exp(k)); central differences are O(h²) accurate (h = 1e−4 → ~1e−8).
        var result = LocalSensitivity.Analyse(p => 3 + Math.Exp(p[0]), [new("k", 1.2)]);
        Assert.Equal(1.2 * Math.Exp(1.2) / (3 + Math.Exp(1.2)), result.Coefficients[0].Coefficient, 1e-7);
    }

    [Fact]
    public void ResultsAreBitIdenticalForOneAndFourThreads()
    {
        NominalParameter[] parameters = [new("x1", 0.3), new("x2", 1.1), new("x3", 2.5)];
        var one = LocalSensitivity.Analyse(TestFunctions.Ishigami, parameters, maxDegreeOfParallelism: 1);
        var four = LocalSensitivity.Analyse(TestFunctions.Ishigami, parameters, maxDegreeOfParallelism: 4);
        Assert.Equal(one.Coefficients, four.Coefficients);
    }

    [Fact]
    public void ZeroNominalValueOrOutputIsRejected()
    {
        var zeroParameter = Assert.Throws<ArgumentException>(() => LocalSensitivity.Analyse(p => p[0], [new("dose_particles", 0.0)]));
        Assert.Contains("dose_particles", zeroParameter.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => LocalSensitivity.Analyse(p => p[0] - 1, [new("x", 1.0)]));
    }
}
