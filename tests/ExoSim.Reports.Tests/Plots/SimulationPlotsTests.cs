using System.Buffers.Binary;
using ExoSim.Models.Simulation;
using ExoSim.Models.UvaPadova;
using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using ExoSim.Reports.Plots;

namespace ExoSim.Reports.Tests.Plots;

public class SimulationPlotsTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Glucose_plot_is_a_png_of_the_requested_size()
    {
        var model = new UvaPadovaT1DModel();
        MealIntake[] meals = [new MealIntake(60, 50, 10)];
        var result = Simulator.Run(
            new SimulationRequest { Model = model, Parameters = model.Patient("adult#002"), DurationMin = 480, OutputIntervalMin = 5, Interventions = meals },
            new DormandPrince54(),
            new SolverOptions());

        byte[] png = SimulationPlots.GlucosePng(result, "test", meals, [(0.0, 130.0), (5.0, 131.0)], widthPx: 640, heightPx: 400);

        // PNG signature, then the IHDR chunk with width and height as big-endian 32-bit integers (ISO/IEC 15948, 11.2.2).
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(400, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 10_000, "a plot with axes, curves and legend is more than a blank image");
    }
}
