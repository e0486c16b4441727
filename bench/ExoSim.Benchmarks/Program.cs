using System.Globalization;
using BenchmarkDotNet.Running;
using ExoSim.Benchmarks.Cvode;
using ExoSim.Benchmarks.PatientDay;
using ExoSim.Benchmarks.Problems;
using ExoSim.Benchmarks.WorkPrecision;

namespace ExoSim.Benchmarks;

/// <summary>Entry point: <c>workprecision</c>, <c>patientday</c>, <c>multiscale</c>, <c>trial</c> and <c>course</c> (plain console studies) or <c>bdn</c> (BenchmarkDotNet).</summary>
internal static class Program
{
    private const string Usage = """
        ExoSim solver benchmarks

          workprecision [--quick] [--only NAME[,NAME...]] [--out FILE | --no-file]
              Error vs cost of every solver on every test problem over a tolerance ladder, compared with
              SUNDIALS CVODE. Writes bench/results/work-precision.md unless --quick, --only or --no-file is given.
          patientday [--quick] [--only SUBJECT[,SUBJECT...]] [--out FILE | --no-file]
              One uva-padova-t1d day with three meals for each of the 30 subjects through Simulator.Run: steps, RHS
              evaluations, events, solver time, against the 0.5 ms target of issue #9 and no-meal, 1-min-output and
              Rodas5P baselines. Writes bench/results/patient-day.md unless --quick, --only or --no-file is given.
          multiscale [--days N] [--rounds R]
              A long course with meal-scale glucose (dalla-man-2007 + Topp β-cell growth): the representative-day
              scheme every 7/14/28 days against the brute-force coupled ODE: error, fast RHS evaluations, wall time.
          trial [--patients N] [--days D] [--threads T]
              The trial engine on uva-padova-t1d patients generated from the 30 subjects, three meals/day, basal–bolus:
              patient-days per second with 1 and T threads (default 200 patients, 7 days, all cores).
          course [--patients N] [--threads T]
              The trial engine on 2-year t2d-progression courses (1-year run-in, 1 year of treatment), without therapy
              and with exosomes every 14 days: patient-days per second with 1 and T threads (default 64 patients).
          bdn [BenchmarkDotNet arguments]
              BenchmarkDotNet classes, e.g. `bdn --filter *Stiff*` or `bdn --list flat`.
        """;

    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length == 0)
        {
            Console.WriteLine(Usage);
            return 1;
        }

        switch (args[0])
        {
            case "workprecision":
                return RunWorkPrecision(args[1..]);
            case "patientday":
                return RunPatientDay(args[1..]);
            case "multiscale":
                return Multiscale.MultiscaleStudy.Run(
                    int.Parse(Value(args, "--days") ?? "365", CultureInfo.InvariantCulture),
                    int.Parse(Value(args, "--rounds") ?? "3", CultureInfo.InvariantCulture));
            case "trial":
                return Trial.TrialThroughput.Run(
                    int.Parse(Value(args, "--patients") ?? "200", CultureInfo.InvariantCulture),
                    int.Parse(Value(args, "--days") ?? "7", CultureInfo.InvariantCulture),
                    int.Parse(Value(args, "--threads") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                    Console.Out);
            case "course":
                return Trial.CourseThroughput.Run(
                    int.Parse(Value(args, "--patients") ?? "64", CultureInfo.InvariantCulture),
                    int.Parse(Value(args, "--threads") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                    Console.Out);
            case "bdn":
                _ = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
                return 0;
            default:
                Console.Error.WriteLine($"Unknown mode '{args[0]}'.");
                Console.WriteLine(Usage);
                return 1;
        }
    }

    private static int RunWorkPrecision(string[] args)
    {
        bool quick = args.Contains("--quick");
        bool noFile = args.Contains("--no-file");
        string? only = Value(args, "--only");
        string? output = Value(args, "--out");

        if (!CvodeNative.IsAvailable)
        {
            Console.Error.WriteLine(CvodeNative.NotAvailableMessage + "; running the ExoSim solvers only.");
        }

        if (Select(BenchCatalog.All(), only, p => p.Name, "problem") is not { } problems)
        {
            return 1;
        }

        TimingPolicy policy = quick ? TimingPolicy.Quick : TimingPolicy.Standard;
        string loadBefore = MarkdownReport.LoadAverage();
        List<Measurement> measurements = WorkPrecisionRunner.Run(problems, policy, Console.Error);
        string report = MarkdownReport.Build(problems, measurements, policy, Command("workprecision", args), loadBefore);
        Console.WriteLine(report);
        return Write(report, "work-precision.md", output, quick || only is not null || noFile);
    }

    private static int RunPatientDay(string[] args)
    {
        bool quick = args.Contains("--quick");
        string? only = Value(args, "--only");
        string? output = Value(args, "--out");
        if (Select(PatientDayProtocol.Model.PatientNames, only, s => s, "subject") is not { } subjects)
        {
            return 1;
        }

        TimingPolicy policy = quick ? PatientDayRunner.Quick : PatientDayRunner.Standard;
        string loadBefore = MarkdownReport.LoadAverage();
        List<DayMeasurement> measurements = PatientDayRunner.Run(subjects, policy, Console.Error);
        string report = PatientDayReport.Build(measurements, policy, Command("patientday", args), loadBefore);
        Console.WriteLine(report);
        return Write(report, "patient-day.md", output, quick || only is not null || args.Contains("--no-file"));
    }

    /// <summary>The items named in a comma-separated <c>--only</c> list (all when null); null, with a message, when none matches.</summary>
    private static IReadOnlyList<T>? Select<T>(IReadOnlyList<T> all, string? only, Func<T, string> name, string what)
    {
        if (only is null)
        {
            return all;
        }

        var names = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        List<T> selected = [.. all.Where(x => names.Contains(name(x), StringComparer.OrdinalIgnoreCase))];
        if (selected.Count == 0)
        {
            Console.Error.WriteLine($"No {what} matches '{only}'. Known: {string.Join(", ", all.Select(name))}.");
            return null;
        }

        return selected;
    }

    private static string Command(string mode, string[] args)
        => $"dotnet run -c Release --project bench/ExoSim.Benchmarks -- {mode}" + (args.Length > 0 ? " " + string.Join(' ', args) : "");

    /// <summary>Writes the report to <paramref name="output"/> or bench/results/<paramref name="fileName"/>, unless skipped.</summary>
    private static int Write(string report, string fileName, string? output, bool skipDefault)
    {
        if (output is null && skipDefault)
        {
            return 0;
        }

        string path = output ?? Path.Combine(RepositoryRoot(), "bench", "results", fileName);
        WriteAtomically(path, report);
        Console.Error.WriteLine($"Wrote {path}");
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The folder holding ExoSim.slnx, searched upwards from the executable and then the working directory.</summary>
    private static string RepositoryRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ExoSim.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return Environment.CurrentDirectory;
    }

    /// <summary>Write to a temporary file in the same folder, then rename over the target: readers never see half a report.</summary>
    private static void WriteAtomically(string path, string text)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = full + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(temp, text);
        File.Move(temp, full, overwrite: true);
    }
}
