using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ExoSim.Benchmarks.Solvers;
using ExoSim.Numerics.Ode;
using static ExoSim.Benchmarks.Cvode.CvodeNative;

namespace ExoSim.Benchmarks.Cvode;

/// <summary>
/// SUNDIALS CVODE with variable-order BDF (orders 1–5), Newton iteration and a dense direct linear solver — the
/// usual reference for stiff solvers (Hindmarsh et al. 2005, ACM TOMS 31:363, doi:10.1145/1089014.1089020).
/// The Jacobian is the system's analytic <see cref="IOdeJacobian"/> when it has one, CVODE's internal finite
/// difference otherwise. Everything native is created and freed inside one <see cref="Solve"/>.
/// </summary>
internal sealed unsafe class CvodeBdf : IBenchSolver
{
    /// <summary>CVODE's default of 500 steps is far too few for e.g. ROBER on long spans.</summary>
    private const long MaxSteps = 1_000_000;

    public string Name => "CVODE-BDF";

    /// <summary>When false, CVODE builds the Jacobian by finite differences even if the system provides one.</summary>
    public bool UseAnalyticJacobian { get; init; } = true;

    /// <summary>The SUNDIALS version string reported by the library, e.g. "6.4.1".</summary>
    public static string LibraryVersion()
    {
        byte* buffer = stackalloc byte[64];
        return SUNDIALSGetVersion(buffer, 64) == 0 ? Marshal.PtrToStringUTF8((nint)buffer) ?? "?" : "?";
    }

    public RunResult Solve(OdeProblem problem, double relativeTolerance, double[] absoluteTolerances)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(absoluteTolerances);
        if (!IsAvailable)
        {
            throw new InvalidOperationException(NotAvailableMessage);
        }

        int n = problem.System.Dimension;
        var state = new CallbackState(problem.System, UseAnalyticJacobian);
        GCHandle handle = GCHandle.Alloc(state);
        nint ctx = 0, y = 0, atol = 0, matrix = 0, linearSolver = 0, mem = 0;
        try
        {
            Check(SUNContext_Create(0, out ctx), "SUNContext_Create");
            y = NotNull(N_VNew_Serial(n, ctx), "N_VNew_Serial");
            atol = NotNull(N_VNew_Serial(n, ctx), "N_VNew_Serial");
            double* yData = N_VGetArrayPointer(y);
            double* atolData = N_VGetArrayPointer(atol);
            for (int i = 0; i < n; i++)
            {
                yData[i] = problem.InitialState[i];
                atolData[i] = absoluteTolerances[i];
            }

            mem = NotNull(CVodeCreate(CV_BDF, ctx), "CVodeCreate");
            Check(CVodeSetErrHandlerFn(mem, &OnError, GCHandle.ToIntPtr(handle)), "CVodeSetErrHandlerFn");
            Check(CVodeInit(mem, &Rhs, problem.StartTime, y), "CVodeInit");
            Check(CVodeSVtolerances(mem, relativeTolerance, atol), "CVodeSVtolerances");
            Check(CVodeSetUserData(mem, GCHandle.ToIntPtr(handle)), "CVodeSetUserData");
            matrix = NotNull(SUNDenseMatrix(n, n, ctx), "SUNDenseMatrix");
            linearSolver = NotNull(SUNLinSol_Dense(y, matrix, ctx), "SUNLinSol_Dense");
            Check(CVodeSetLinearSolver(mem, linearSolver, matrix), "CVodeSetLinearSolver");
            if (state.Jacobian is not null)
            {
                Check(CVodeSetJacFn(mem, &Jacobian), "CVodeSetJacFn");
            }

            Check(CVodeSetMaxNumSteps(mem, new CLong(checked((nint)MaxSteps))), "CVodeSetMaxNumSteps");

            // Stop exactly at the end time, as the ExoSim driver does, instead of stepping past it and interpolating.
            Check(CVodeSetStopTime(mem, problem.EndTime), "CVodeSetStopTime");
            int flag = CVode(mem, problem.EndTime, y, out double reached, CV_NORMAL);
            if (state.Failure is not null)
            {
                throw new InvalidOperationException("The right-hand side threw inside CVODE.", state.Failure);
            }

            if (flag < 0)
            {
                throw new InvalidOperationException($"CVode failed with flag {flag} at t = {reached}: {state.LastMessage}");
            }

            var final = new double[n];
            new ReadOnlySpan<double>(N_VGetArrayPointer(y), n).CopyTo(final);
            return new RunResult(
                final,
                Steps: Get(mem, &CVodeGetNumSteps),
                Rejected: Get(mem, &CVodeGetNumErrTestFails) + Get(mem, &CVodeGetNumNonlinSolvConvFails),
                RhsEvaluations: Get(mem, &CVodeGetNumRhsEvals) + Get(mem, &CVodeGetNumLinRhsEvals),
                Jacobians: Get(mem, &CVodeGetNumJacEvals),
                LuDecompositions: Get(mem, &CVodeGetNumLinSolvSetups));
        }
        finally
        {
            // Free in reverse order of creation; the integrator references the solver, matrix and vectors.
            if (mem != 0)
            {
                CVodeFree(ref mem);
            }

            if (linearSolver != 0)
            {
                _ = SUNLinSolFree(linearSolver);
            }

            if (matrix != 0)
            {
                SUNMatDestroy(matrix);
            }

            if (atol != 0)
            {
                N_VDestroy(atol);
            }

            if (y != 0)
            {
                N_VDestroy(y);
            }

            if (ctx != 0)
            {
                _ = SUNContext_Free(ref ctx);
            }

            handle.Free();
        }
    }

    private static long Get(nint mem, delegate*<nint, out CLong, int> getter)
    {
        Check(getter(mem, out CLong value), "CVodeGet*");
        return value.Value;
    }

    private static void Check(int flag, string call)
    {
        if (flag < 0)
        {
            throw new InvalidOperationException($"{call} returned {flag}.");
        }
    }

    private static nint NotNull(nint pointer, string call) =>
        pointer != 0 ? pointer : throw new InvalidOperationException($"{call} returned NULL.");

    /// <summary>What the callbacks need: the system, scratch space for a row-major Jacobian, and any failure.</summary>
    private sealed class CallbackState(IOdeSystem system, bool useAnalyticJacobian)
    {
        public IOdeSystem System { get; } = system;

        public int Dimension { get; } = system.Dimension;

        public IOdeJacobian? Jacobian { get; } = useAnalyticJacobian ? system as IOdeJacobian : null;

        public double[] RowMajor { get; } = new double[system.Dimension * system.Dimension];

        public Exception? Failure { get; set; }

        public string LastMessage { get; set; } = "";
    }

    private static CallbackState StateOf(nint userData) => (CallbackState)GCHandle.FromIntPtr(userData).Target!;

    /// <summary>CVRhsFn. Returns 0 on success, −1 (unrecoverable) when the system throws.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Rhs(double t, nint y, nint ydot, nint userData)
    {
        CallbackState state = StateOf(userData);
        try
        {
            int n = state.Dimension;
            state.System.Evaluate(t, new ReadOnlySpan<double>(N_VGetArrayPointer(y), n), new Span<double>(N_VGetArrayPointer(ydot), n));
            return 0;
        }
#pragma warning disable CA1031 // An exception must not unwind through native frames: record it and stop CVODE.
        catch (Exception e)
#pragma warning restore CA1031
        {
            state.Failure = e;
            return -1;
        }
    }

    /// <summary>CVLsJacFn: ExoSim Jacobians are row-major, SUNDenseMatrix data is column-major (j·n + i).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Jacobian(double t, nint y, nint fy, nint jac, nint userData, nint tmp1, nint tmp2, nint tmp3)
    {
        CallbackState state = StateOf(userData);
        try
        {
            int n = state.Dimension;
            double[] rowMajor = state.RowMajor;
            state.Jacobian!.EvaluateJacobian(t, new ReadOnlySpan<double>(N_VGetArrayPointer(y), n), rowMajor);
            double* columnMajor = SUNDenseMatrix_Data(jac);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    columnMajor[(j * n) + i] = rowMajor[(i * n) + j];
                }
            }

            return 0;
        }
#pragma warning disable CA1031 // See Rhs.
        catch (Exception e)
#pragma warning restore CA1031
        {
            state.Failure = e;
            return -1;
        }
    }

    /// <summary>CVErrHandlerFn: keep the message for the exception instead of printing to stderr.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnError(int code, byte* module, byte* function, byte* message, nint data)
    {
        CallbackState state = StateOf(data);
        state.LastMessage = $"[{code}] {Marshal.PtrToStringUTF8((nint)function)}: {Marshal.PtrToStringUTF8((nint)message)}";
    }
}
