using ExoSim.Models.Parameters;

namespace ExoSim.Models.Tests;

/// <summary>Project-wide rules every model must satisfy (checked over the whole catalog).</summary>
public class ModelCatalogConsistencyTests
{
    public static TheoryData<string> ModelIds()
    {
        var data = new TheoryData<string>();
        foreach (var model in ModelCatalog.All)
        {
            data.Add(model.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Every_state_and_parameter_has_a_unit_and_description(string id)
    {
        var model = ModelCatalog.Get(id);
        Assert.All(model.States, s => Assert.False(string.IsNullOrWhiteSpace(s.Unit), $"state {s.Name} has no unit"));
        Assert.All(model.States, s => Assert.False(string.IsNullOrWhiteSpace(s.Description), $"state {s.Name} has no description"));
        Assert.All(model.Schema.Definitions, p => Assert.False(string.IsNullOrWhiteSpace(p.Unit), $"parameter {p.Name} has no unit"));
        Assert.All(model.Schema.Definitions, p => Assert.False(string.IsNullOrWhiteSpace(p.Description), $"parameter {p.Name} has no description"));
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Every_value_of_every_named_subject_has_a_source(string id)
    {
        var model = ModelCatalog.Get(id);
        foreach (string patient in model.PatientNames)
        {
            foreach (var entry in model.Patient(patient).Entries)
            {
                Assert.False(string.IsNullOrWhiteSpace(entry.Source), $"{patient}: {entry.Name} has no source");
                Assert.True(double.IsFinite(entry.Value), $"{patient}: {entry.Name} is not finite");
                Assert.NotEqual(ParameterOrigin.UserDefined, entry.Origin);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Glucose_models_expose_glucose_mg_dl_and_a_finite_initial_state(string id)
    {
        var model = ModelCatalog.Get(id);
        Assert.Contains(model.Observables, o => o.Name == Observable.GlucoseMgPerDl);
        var initial = model.InitialState(model.Patient(model.DefaultPatient));
        Assert.Equal(model.States.Count, initial.Length);
        Assert.All(initial, v => Assert.True(double.IsFinite(v)));
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void State_and_observable_names_are_unique(string id)
    {
        var model = ModelCatalog.Get(id);
        var names = model.States.Select(s => s.Name).Concat(model.Observables.Select(o => o.Name)).ToArray();
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Unknown_model_id_suggests_the_closest()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ModelCatalog.Get("bergman-minimall"));
        Assert.Contains("bergman-minimal", error.Message, StringComparison.Ordinal);
    }
}
