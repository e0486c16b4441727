namespace ExoSim.Numerics.Ode.Stepping;

/// <summary>Lets a composite method change the stepper between accepted steps (e.g. explicit → stiff).</summary>
internal interface IStepperSwitch
{
    /// <summary>Called after each accepted step; returns the stepper to continue with, or null to keep the current one.</summary>
    OdeStepper? NextStepper(OdeStepper current, double t);

    /// <summary>The method's name for the solution, including any switch that happened.</summary>
    string Describe();
}
