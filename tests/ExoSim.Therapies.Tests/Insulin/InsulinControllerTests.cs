using ExoSim.Models.Simulation;
using ExoSim.Therapies.Insulin;
using Xunit;

namespace ExoSim.Therapies.Tests.Insulin;

public sealed class InsulinControllerTests
{
    private static readonly InsulinActionCurve Curve = new(360, 75);

    private static PidSettings Settings(double maxIob = 100) => new(120, 0.05, 450, 60, 5, 1.0, 4.0, maxIob, Curve);

    [Fact]
    public void ActionCurveStartsAtOneEndsAtZeroAndPeaksAtItsPeakTime()
    {
        // Definitions of Maksimovic's curve: IOB(0) = 1, IOB(td) = 0, activity maximal at tp and integrating to 1.
        Assert.Equal(1, Curve.OnBoard(0), 12);
        Assert.Equal(0, Curve.OnBoard(360), 9);
        Assert.Equal(0, Curve.OnBoard(359.999999), 6);
        double integral = 0;
        for (double t = 0.05; t < 360; t += 0.1)
        {
            integral += Curve.Activity(t) * 0.1;
        }

        Assert.Equal(1, integral, 4);
        Assert.Equal(1 - Curve.OnBoard(120), Enumerable.Range(0, 1200).Sum(k => Curve.Activity((k + 0.5) * 0.1) * 0.1), 4);
        double peak = Enumerable.Range(1, 3590).Select(k => k * 0.1).MaxBy(Curve.Activity);
        Assert.Equal(75, peak, 1);
    }

    [Fact]
    public void PidFollowsItsEquationOnAKnownInput()
    {
        var pid = new PidController(Settings(), null, [], 0, 60);
        Assert.Equal([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55], pid.DecisionTimes(0, 60));

        // At target with no history: the basal rate.
        Assert.Equal(1.0, pid.Decide(0, 120).BasalUPerH!.Value, 12);

        // 200 mg/dL 5 min later: e = 80, ∫ = 80·5/450, slope = 80/5 → basal + Kp·(e + ∫ + TD·slope).
        double expected = 1.0 + (0.05 * (80 + (80.0 * 5 / 450) + (60 * 80.0 / 5)));
        expected = Math.Min(expected, 4.0);
        Assert.Equal(expected, pid.Decide(5, 200).BasalUPerH!.Value, 12);

        // Flat 200 mg/dL afterwards: no derivative term, the integral keeps growing by e·Δt/TI.
        double third = 1.0 + (0.05 * (80 + (80.0 * 10 / 450)));
        Assert.Equal(Math.Min(third, 4.0), pid.Decide(10, 200).BasalUPerH!.Value, 12);
    }

    [Fact]
    public void PidNeverSetsANegativeRateAndSuspendsWhenLow()
    {
        var pid = new PidController(Settings(), null, [], 0, 600);
        foreach (double t in pid.DecisionTimes(0, 600))
        {
            double glucose = 120 - (t / 5); // falling towards 0
            double rate = pid.Decide(t, glucose).BasalUPerH!.Value;
            Assert.True(rate >= 0, $"rate {rate} at t = {t}");
        }

        Assert.Equal(0, pid.Decisions[^1].RateUPerH);
    }

    [Fact]
    public void InsulinOnBoardLimitIsRespected()
    {
        const double limit = 2.0;
        var pid = new PidController(Settings(limit), null, [], 0, 1440);
        foreach (double t in pid.DecisionTimes(0, 1440))
        {
            var command = pid.Decide(t, 300);
            double iobAfter = pid.InsulinOnBoard(t);
            Assert.True(iobAfter <= limit + 1e-9, $"IOB {iobAfter} U above the limit at t = {t}");
            Assert.True(command.BasalUPerH <= 4.0 + 1e-12);
        }

        // The limit binds: at persistent hyperglycaemia the IOB sits at it rather than the rate at its maximum.
        Assert.Equal(limit, pid.InsulinOnBoard(1435), 6);
    }

    [Fact]
    public void HybridLoopBolusesMealsAtTheirStartAndCountsThemOnBoard()
    {
        var calculator = new BolusCalculator(10, 40, 140, 150, false, 1);
        var pid = new PidController(Settings(), calculator, [new MealIntake(62, 50, 0)], 0, 120);
        var times = pid.DecisionTimes(0, 120);
        Assert.Contains(62.0, times);
        foreach (double t in times.Where(t => t < 62))
        {
            pid.Decide(t, 120);
        }

        var meal = pid.Decide(62, 120);
        Assert.Equal(5, meal.BolusU, 12);
        Assert.Null(meal.BasalUPerH); // 62 min is not a control time
        Assert.Equal(5 * Curve.OnBoard(3), pid.InsulinOnBoard(65), 9);
    }

    [Fact]
    public void BolusCalculatorAddsTheCorrectionOnlyAboveTheThreshold()
    {
        // simglucose BBController: carbs/CR + (G > 150)·(G − 140)/CF.
        var calculator = new BolusCalculator(10, 40, 140, 150, true, 1);
        Assert.Equal(6, calculator.Bolus(60, 150), 12);
        Assert.Equal(6 + (60.0 / 40), calculator.Bolus(60, 200), 12);
        Assert.Equal(6, (calculator with { Correct = false }).Bolus(60, 200), 12);
    }

    [Fact]
    public void BasalProfileRepeatsDailyAndWrapsRoundMidnight()
    {
        var profile = new BasalProfile([new BasalSegment(360, 1.2), new BasalSegment(0, 0.8), new BasalSegment(1320, 0.9)]);
        Assert.Equal(0.8, profile.RateAt(0));
        Assert.Equal(1.2, profile.RateAt(1440 + 400));
        Assert.Equal(0.9, profile.RateAt(1439));
        Assert.Equal((0.8 * 6) + (1.2 * 16) + (0.9 * 2), profile.DailyUnits(), 12);
        var events = profile.Events(600, 3000, 2).ToArray();
        Assert.Equal(new InsulinBasal(600, 2.4), events[0]);
        Assert.Equal([600, 1320, 1440, 1800, 2760, 2880], events.Select(e => e.TimeMin));
        Assert.Throws<ArgumentException>(() => new BasalProfile([new BasalSegment(0, -1)]));
        Assert.Throws<ArgumentException>(() => new BasalProfile([new BasalSegment(0, 1), new BasalSegment(0, 2)]));
    }
}
