using ExoSim.Models.Simulation;

namespace ExoSim.Therapies.Insulin;

/// <summary>One segment of a pump's basal profile: from a time of day on, a rate.</summary>
/// <param name="StartMinOfDay">Start (minutes after midnight, 0 ≤ t &lt; 1440).</param>
/// <param name="RateUPerH">Basal rate (U/h, ≥ 0).</param>
public sealed record BasalSegment(double StartMinOfDay, double RateUPerH);

/// <summary>
/// A pump basal profile: time-of-day segments in U/h repeating every day; a segment holds until the next one starts
/// (the last wraps round to the first). Simulation time 0 is midnight, as in trial meal plans.
/// </summary>
public sealed class BasalProfile
{
    private const double MinutesPerDay = 1440;
    private readonly BasalSegment[] segments;

    /// <summary>A profile from segments with distinct start times.</summary>
    /// <exception cref="ArgumentException">No segment, a start outside the day, two segments at one time, or a negative rate.</exception>
    public BasalProfile(IEnumerable<BasalSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        this.segments = segments.OrderBy(s => s.StartMinOfDay).ToArray();
        if (this.segments.Length == 0)
        {
            throw new ArgumentException("A basal profile needs at least one segment.");
        }

        for (int i = 0; i < this.segments.Length; i++)
        {
            var segment = this.segments[i];
            if (!(segment.StartMinOfDay >= 0 && segment.StartMinOfDay < MinutesPerDay) || !(segment.RateUPerH >= 0) || !double.IsFinite(segment.RateUPerH))
            {
                throw new ArgumentException($"Basal segment {i + 1}: the start must lie in 00:00–23:59 and the rate be ≥ 0 U/h (got {segment.StartMinOfDay} min, {segment.RateUPerH} U/h).");
            }

            if (i > 0 && segment.StartMinOfDay == this.segments[i - 1].StartMinOfDay)
            {
                throw new ArgumentException($"Two basal segments start at minute {segment.StartMinOfDay} of the day.");
            }
        }
    }

    /// <summary>The segments in time-of-day order.</summary>
    public IReadOnlyList<BasalSegment> Segments => segments;

    /// <summary>The rate at <paramref name="timeMin"/> (min from midnight of day 0).</summary>
    public double RateAt(double timeMin)
    {
        double ofDay = ((timeMin % MinutesPerDay) + MinutesPerDay) % MinutesPerDay;
        var current = segments[^1];
        foreach (var segment in segments)
        {
            if (segment.StartMinOfDay <= ofDay)
            {
                current = segment;
            }
        }

        return current.RateUPerH;
    }

    /// <summary>Insulin the profile delivers over one day (U).</summary>
    public double DailyUnits()
    {
        double units = 0;
        for (int i = 0; i < segments.Length; i++)
        {
            double end = i + 1 < segments.Length ? segments[i + 1].StartMinOfDay : MinutesPerDay + segments[0].StartMinOfDay;
            units += segments[i].RateUPerH * (end - segments[i].StartMinOfDay) / 60;
        }

        return units;
    }

    /// <summary>The basal events of [<paramref name="fromMin"/>, <paramref name="toMin"/>): the rate in force at the start, then every segment start, each × <paramref name="scale"/>.</summary>
    public IEnumerable<InsulinBasal> Events(double fromMin, double toMin, double scale)
    {
        yield return new InsulinBasal(fromMin, scale * RateAt(fromMin));
        for (double day = Math.Floor(fromMin / MinutesPerDay) * MinutesPerDay; day < toMin; day += MinutesPerDay)
        {
            foreach (var segment in segments)
            {
                double time = day + segment.StartMinOfDay;
                if (time > fromMin && time < toMin)
                {
                    yield return new InsulinBasal(time, scale * segment.RateUPerH);
                }
            }
        }
    }
}
