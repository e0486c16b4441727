namespace ExoSim.Analysis.Estimation;

/// <summary>
/// The Nelder–Mead simplex (Nelder &amp; Mead 1965, Comput J 7:308, doi:10.1093/comjnl/7.4.308) with the standard
/// coefficients (reflection 1, expansion 2, contraction ½, shrink ½; Lagarias et al. 1998, SIAM J Optim 9:112,
/// doi:10.1137/S1052623496303470), on the box of the bounds: every vertex is projected into it. Returns the best
/// vertex when the evaluation budget ends. Deterministic: no random choices.
/// </summary>
internal static class NelderMead
{
    /// <summary>Minimises <paramref name="function"/> from <paramref name="start"/>; the first simplex steps by <paramref name="initialStep"/> per coordinate.</summary>
    public static (double[] Point, double Value) Minimize(Func<double[], double> function, Func<double[], double[]> project, double[] start, double[] initialStep, int maxEvaluations)
    {
        int d = start.Length;
        var vertices = new double[d + 1][];
        var values = new double[d + 1];
        vertices[0] = project(start);
        values[0] = function(vertices[0]);
        int evaluations = 1;
        for (int j = 0; j < d; j++)
        {
            var vertex = (double[])vertices[0].Clone();
            vertex[j] += initialStep[j];
            vertex = project(vertex);
            if (vertex[j] == vertices[0][j])
            {
                // At the upper bound: step inwards instead.
                vertex[j] -= initialStep[j];
                vertex = project(vertex);
            }

            vertices[j + 1] = vertex;
            values[j + 1] = function(vertex);
            evaluations++;
        }

        while (evaluations < maxEvaluations)
        {
            var order = Enumerable.Range(0, d + 1).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
            vertices = order.Select(i => vertices[i]).ToArray();
            values = order.Select(i => values[i]).ToArray();
            if (Converged(vertices, values))
            {
                break;
            }

            var centroid = new double[d];
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    centroid[j] += vertices[i][j] / d;
                }
            }

            double[] Along(double coefficient) => project(centroid.Select((c, j) => c + (coefficient * (c - vertices[d][j]))).ToArray());

            var reflected = Along(1);
            double reflectedValue = function(reflected);
            evaluations++;
            if (reflectedValue < values[0])
            {
                var expanded = Along(2);
                double expandedValue = function(expanded);
                evaluations++;
                (vertices[d], values[d]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue);
                continue;
            }

            if (reflectedValue < values[d - 1])
            {
                (vertices[d], values[d]) = (reflected, reflectedValue);
                continue;
            }

            bool outside = reflectedValue < values[d];
            var contracted = Along(outside ? 0.5 : -0.5);
            double contractedValue = function(contracted);
            evaluations++;
            if (contractedValue < (outside ? reflectedValue : values[d]))
            {
                (vertices[d], values[d]) = (contracted, contractedValue);
                continue;
            }

            for (int i = 1; i <= d; i++)
            {
                vertices[i] = project(vertices[0].Select((x, j) => x + (0.5 * (vertices[i][j] - x))).ToArray());
                values[i] = function(vertices[i]);
                evaluations++;
            }
        }

        int best = Enumerable.Range(0, d + 1).OrderBy(i => values[i]).ThenBy(i => i).First();
        return (vertices[best], values[best]);
    }

    private static bool Converged(double[][] vertices, double[] values)
    {
        double spread = values[^1] - values[0];
        double size = 0;
        for (int i = 1; i < vertices.Length; i++)
        {
            size = Math.Max(size, vertices[i].Zip(vertices[0], (x, y) => Math.Abs(x - y)).Max());
        }

        return double.IsFinite(spread) && spread <= 1e-10 * (1 + Math.Abs(values[0])) && size <= 1e-6;
    }
}
