using ExoSim.Models.Meals;
using ExoSim.Models.Simulation;
using ExoSim.Models.UvaPadova;
using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Models.Tests.Meals;

public class OralGlucoseAbsorptionTests
{
    private static readonly UvaPadovaT1DModel Model = new();

    [Fact]
    public void Duration_zero_means_five_grams_per_minute_with_the_remainder_in_one_more_minute()
    {
        // simglucose T1DPatient: EAT_RATE = 5 g/min, to_eat = min(5, planned) per 1-min step.
        var pieces = OralGlucoseAbsorption.EatingSegments(new MealIntake(60, 52, 0));
        Assert.Equal([new EatingSegment(60, 70, 5000), new EatingSegment(70, 71, 2000)], pieces);
        Assert.Equal([new EatingSegment(60, 70, 5000)], OralGlucoseAbsorption.EatingSegments(new MealIntake(60, 50, 0)));
    }

    [Fact]
    public void A_meal_with_a_duration_is_eaten_at_a_constant_rate()
        => Assert.Equal([new EatingSegment(10, 25, 3000)], OralGlucoseAbsorption.EatingSegments(new MealIntake(10, 45, 15)));

    [Fact]
    public void Negative_amounts_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => OralGlucoseAbsorption.EatingSegments(new MealIntake(0, -1, 0)));
        Assert.Throws<ArgumentException>(() => OralGlucoseAbsorption.EatingSegments(new MealIntake(0, 10, double.NaN)));
    }

    [Fact]
    public void Gastric_emptying_is_kmax_without_a_meal_and_near_kmin_between_d_and_b()
    {
        var p = new GutParameters(0.05, 0.05, 0.004, 0.09, 0.7, 0.2, 0.9);
        Assert.Equal(p.Kmax, OralGlucoseAbsorption.GastricEmptyingRate(1000, 0, p));
        // Qsto = D (just eaten): α(D − bD) = 2.5 and β(D − dD) = 10, so kempt = kmax − (kmax − kmin)(1 − tanh 2.5 + … )/2.
        double half = (p.Kmax - p.Kmin) / 2;
        Assert.Equal(p.Kmin + (half * (Math.Tanh(2.5) - Math.Tanh(10) + 2)), OralGlucoseAbsorption.GastricEmptyingRate(50_000, 50_000, p), 1e-15);
        Assert.True(OralGlucoseAbsorption.GastricEmptyingRate(50_000, 50_000, p) > p.Kmax - (0.01 * (p.Kmax - p.Kmin)));
        // Qsto = 0.45·D, between d·D and b·D: close to kmin (within 2 % of kmax − kmin).
        Assert.InRange(OralGlucoseAbsorption.GastricEmptyingRate(0.45 * 50_000, 50_000, p), p.Kmin, p.Kmin + (0.02 * (p.Kmax - p.Kmin)));
        // At Qsto = b·D the first tanh is 0 and the second ≈ 1: kempt = (kmax + kmin)/2 (DM2007's definition of b).
        Assert.Equal((p.Kmax + p.Kmin) / 2, OralGlucoseAbsorption.GastricEmptyingRate(0.7 * 50_000, 50_000, p), 1e-4);
    }

    /// <summary>
    /// The rate is DM2007's tanh formula (evaluated here with Math.Tanh) over the whole range of Qsto, to the rounding
    /// of the tanh form's sum tanh a − tanh b + 2 (≈ 1e-16 absolute, scaled by kmax − kmin), which dominates near kmin.
    /// </summary>
    [Theory]
    [InlineData(0.70391, 0.21057, 50_000)]
    [InlineData(0.96206, 0.1446, 80_000)]
    [InlineData(0.5, 0.5, 1)]
    [InlineData(0.05, 0.95, 1e6)]
    public void Gastric_emptying_matches_the_tanh_form_of_Dalla_Man_2007(double b, double d, double mealSizeMg)
    {
        var p = new GutParameters(0.046, 0.046, 0.0038, 0.089, b, d, 0.9);
        double alpha = 5 / (2 * mealSizeMg * (1 - b));
        double beta = 5 / (2 * mealSizeMg * d);
        for (double q = 0; q <= 2 * mealSizeMg; q += mealSizeMg / 997)
        {
            double expected = p.Kmin + ((p.Kmax - p.Kmin) / 2 * (Math.Tanh(alpha * (q - (b * mealSizeMg))) - Math.Tanh(beta * (q - (d * mealSizeMg))) + 2));
            Assert.Equal(expected, OralGlucoseAbsorption.GastricEmptyingRate(q, mealSizeMg, p), 1e-15 * p.Kmax);
        }
    }

    private static OralGlucoseAbsorption SolveUntil(double tEnd, params MealIntake[] meals)
    {
        var parameters = Model.Patient("adult#001");
        var system = (UvaPadovaSystem)Model.CreateSystem(parameters, []);
        var schedule = new InterventionSchedule(system);
        foreach (var meal in meals)
        {
            Model.Schedule(meal, schedule, parameters);
        }

        new DormandPrince54().Solve(new OdeProblem(system, Model.InitialState(parameters), 0, tEnd) { DiscreteEvents = schedule.Events });
        return system.Gut;
    }

    [Fact]
    public void Meal_size_grows_by_the_amount_eaten_by_the_end_of_each_minute()
    {
        // simglucose: D̄ = Qsto at the start of eating + food taken so far (mg), updated before each 1-min step.
        Assert.Equal(15_000, SolveUntil(12.5, new MealIntake(10, 30, 0)).MealSizeMg, 1e-9);
        Assert.Equal(30_000, SolveUntil(200, new MealIntake(10, 30, 0)).MealSizeMg, 1e-9);
    }

    [Fact]
    public void Overlapping_meals_form_one_episode()
    {
        // 30 g from t = 10 (until 16) and 10 g from t = 13 (until 15): one episode, D̄ ends at 0 + 40 g.
        Assert.Equal(40_000, SolveUntil(100, new MealIntake(10, 30, 0), new MealIntake(13, 10, 0)).MealSizeMg, 1e-9);
    }

    [Fact]
    public void A_later_meal_starts_from_the_glucose_still_in_the_stomach()
    {
        const double second = 60;
        var parameters = Model.Patient("adult#001");
        var system = (UvaPadovaSystem)Model.CreateSystem(parameters, []);
        var schedule = new InterventionSchedule(system);
        Model.Schedule(new MealIntake(10, 30, 0), schedule, parameters);
        var probe = new OdeProblem(system, Model.InitialState(parameters), 0, second) { DiscreteEvents = schedule.Events };
        var before = new DormandPrince54().Solve(probe, new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 }).FinalState;
        double qstoAtSecondMeal = before[0] + before[1];
        Assert.True(qstoAtSecondMeal > 1000);

        var gut = SolveUntil(300, new MealIntake(10, 30, 0), new MealIntake(second, 20, 0));
        Assert.Equal(qstoAtSecondMeal + 20_000, gut.MealSizeMg, 1e-3 * qstoAtSecondMeal);
    }

    [Fact]
    public void An_impulse_puts_the_whole_dose_into_Qsto1_and_sets_the_meal_size()
    {
        // DM2007's D·δ(t − t0): Qsto1 jumps by D at t0 and D̄ = Qsto(t0⁻) + D (= D from an empty stomach).
        var parameters = Model.Patient("adult#001");
        var system = (UvaPadovaSystem)Model.CreateSystem(parameters, []);
        var schedule = new InterventionSchedule(system);
        system.Gut.ScheduleImpulse(new MealIntake(5, 40, 0), schedule);
        system.Gut.ScheduleImpulse(new MealIntake(7, 0, 0), schedule); // nothing to schedule
        Assert.Single(schedule.Events);
        var problem = new OdeProblem(system, Model.InitialState(parameters), 0, 5) { DiscreteEvents = schedule.Events };
        var atMeal = new DormandPrince54().Solve(problem).FinalState;
        Assert.Equal(40_000, atMeal[0], 1e-9);
        Assert.Equal(40_000, system.Gut.MealSizeMg, 1e-9);
        Assert.Throws<ArgumentException>(() => system.Gut.ScheduleImpulse(new MealIntake(0, -1, 0), schedule));
    }
}
