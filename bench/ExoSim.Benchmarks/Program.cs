using System.Globalization;
using BenchmarkDotNet.Running;
using ExoSim.Benchmarks.Cvode;
using ExoSim.Benchmarks.Problems;
using ExoSim.Benchmarks.WorkPrecision;

namespace ExoSim.Benchmarks;

/// <summary>Entry point: <c>workprecision</c> (plain console study) or <c>bdn</c> (BenchmarkDotNet).</summary>
internal static class Program
{
    private const string Usage = """
        ExoSim solver benchmarks

          workprecision [--quick] [--only NAME[,NAME...]] [--out FILE | --no-file]
              Error vs cost of every solver on every test problem over a tolerance ladder, compared with
              SUNDIALS CVODE. Writes bench/results/work-precision.md unless --quick, --only or --no-file is given.
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

        IReadOnlyList<BenchProblem> problems = BenchCatalog.All();
        if (only is not null)
        {
            var names = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            problems = [.. problems.Where(p => names.Contains(p.Name, StringComparer.OrdinalIgnoreCase))];
            if (problems.Count == 0)
            {
                Console.Error.WriteLine($"No problem matches '{only}'. Known: {string.Join(", ", BenchCatalog.All().Select(p => p.Name))}.");
                return 1;
            }
        }

        TimingPolicy policy = quick ? TimingPolicy.Quick : TimingPolicy.Standard;
        string loadBefore = MarkdownReport.LoadAverage();
        List<Measurement> measurements = WorkPrecisionRunner.Run(problems, policy, Console.Error);
        string command = "dotnet run -c Release --project bench/ExoSim.Benchmarks -- workprecision" + (args.Length > 0 ? " " + string.Join(' ', args) : "");
        string report = MarkdownReport.Build(problems, measurements, policy, command, loadBefore);
        Console.WriteLine(report);

        if (output is null && (quick || only is not null || noFile))
        {
            return 0;
        }

        string path = output ?? Path.Combine(RepositoryRoot(), "bench", "results", "work-precision.md");
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
