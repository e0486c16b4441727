using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ExoSim.Benchmarks.Cvode;

/// <summary>
/// Minimal P/Invoke surface of SUNDIALS 6.4 CVODE as shipped by Debian 12 (`libsundials-cvode6`).
/// </summary>
/// <remarks>
/// Signatures follow the SUNDIALS 6.4.1 headers (cvode/cvode.h, cvode/cvode_ls.h, nvector/nvector_serial.h,
/// sunmatrix/sunmatrix_dense.h, sunlinsol/sunlinsol_dense.h, sundials/sundials_context.h) as built by Debian:
/// <c>sunrealtype</c> = double, <c>sunindextype</c> = int64_t, C <c>long</c> = <see cref="CLong"/>.
/// SUNDIALS 6 takes <c>void* comm</c> in <c>SUNContext_Create</c> (SUNDIALS 7 changed it to an integer SUNComm).
/// The one shared object also exports the serial N_Vector, dense SUNMatrix and dense SUNLinearSolver symbols
/// (checked with <c>nm -D</c>), so no other library is loaded.
/// </remarks>
internal static unsafe partial class CvodeNative
{
    public const string Library = "libsundials_cvode.so.6";

    /// <summary>CVodeCreate: backward differentiation formulas (cvode.h).</summary>
    public const int CV_BDF = 2;

    /// <summary>CVode itask: integrate to tout (with stop time set, exactly to it) (cvode.h).</summary>
    public const int CV_NORMAL = 1;

    /// <summary>Success return flag (cvode.h).</summary>
    public const int CV_SUCCESS = 0;

    // --- context, vectors, matrices, linear solver ---------------------------------------------------------------

    [LibraryImport(Library)]
    public static partial int SUNContext_Create(nint comm, out nint ctx);

    [LibraryImport(Library)]
    public static partial int SUNContext_Free(ref nint ctx);

    [LibraryImport(Library)]
    public static partial nint N_VNew_Serial(long length, nint ctx);

    [LibraryImport(Library)]
    public static partial void N_VDestroy(nint v);

    /// <summary>Called from the RHS/Jacobian callbacks: no GC transition needed, it only reads a struct field.</summary>
    [LibraryImport(Library, EntryPoint = "N_VGetArrayPointer_Serial")]
    [SuppressGCTransition]
    public static partial double* N_VGetArrayPointer(nint v);

    [LibraryImport(Library)]
    public static partial nint SUNDenseMatrix(long rows, long columns, nint ctx);

    /// <summary>Column-major data of a dense matrix: element (i, j) at index j·rows + i.</summary>
    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial double* SUNDenseMatrix_Data(nint matrix);

    [LibraryImport(Library)]
    public static partial void SUNMatDestroy(nint matrix);

    [LibraryImport(Library)]
    public static partial nint SUNLinSol_Dense(nint y, nint matrix, nint ctx);

    [LibraryImport(Library)]
    public static partial int SUNLinSolFree(nint solver);

    /// <summary>SUNDIALSGetVersion(char* version, int len) (sundials_version.h).</summary>
    [LibraryImport(Library)]
    public static partial int SUNDIALSGetVersion(byte* version, int length);

    // --- integrator ----------------------------------------------------------------------------------------------

    [LibraryImport(Library)]
    public static partial nint CVodeCreate(int lmm, nint ctx);

    /// <summary>f: int (*)(sunrealtype t, N_Vector y, N_Vector ydot, void* user_data).</summary>
    [LibraryImport(Library)]
    public static partial int CVodeInit(nint mem, delegate* unmanaged[Cdecl]<double, nint, nint, nint, int> f, double t0, nint y0);

    [LibraryImport(Library)]
    public static partial int CVodeReInit(nint mem, double t0, nint y0);

    [LibraryImport(Library)]
    public static partial int CVodeSStolerances(nint mem, double rtol, double atol);

    [LibraryImport(Library)]
    public static partial int CVodeSVtolerances(nint mem, double rtol, nint atol);

    [LibraryImport(Library)]
    public static partial int CVodeSetUserData(nint mem, nint userData);

    [LibraryImport(Library)]
    public static partial int CVodeSetLinearSolver(nint mem, nint solver, nint matrix);

    /// <summary>jac: int (*)(t, y, fy, SUNMatrix J, void* user_data, N_Vector tmp1, tmp2, tmp3).</summary>
    [LibraryImport(Library)]
    public static partial int CVodeSetJacFn(nint mem, delegate* unmanaged[Cdecl]<double, nint, nint, nint, nint, nint, nint, nint, int> jac);

    [LibraryImport(Library)]
    public static partial int CVodeSetMaxNumSteps(nint mem, CLong maxSteps);

    [LibraryImport(Library)]
    public static partial int CVodeSetStopTime(nint mem, double tstop);

    /// <summary>ehfun: void (*)(int error_code, const char* module, const char* function, char* msg, void* eh_data).</summary>
    [LibraryImport(Library)]
    public static partial int CVodeSetErrHandlerFn(nint mem, delegate* unmanaged[Cdecl]<int, byte*, byte*, byte*, nint, void> handler, nint data);

    [LibraryImport(Library)]
    public static partial int CVode(nint mem, double tout, nint yout, out double tret, int itask);

    [LibraryImport(Library)]
    public static partial void CVodeFree(ref nint mem);

    // --- statistics ----------------------------------------------------------------------------------------------

    [LibraryImport(Library)]
    public static partial int CVodeGetNumSteps(nint mem, out CLong value);

    [LibraryImport(Library)]
    public static partial int CVodeGetNumRhsEvals(nint mem, out CLong value);

    /// <summary>Right-hand-side calls made by the linear solver module for finite-difference Jacobians (not in GetNumRhsEvals).</summary>
    [LibraryImport(Library)]
    public static partial int CVodeGetNumLinRhsEvals(nint mem, out CLong value);

    [LibraryImport(Library)]
    public static partial int CVodeGetNumLinSolvSetups(nint mem, out CLong value);

    [LibraryImport(Library)]
    public static partial int CVodeGetNumJacEvals(nint mem, out CLong value);

    [LibraryImport(Library)]
    public static partial int CVodeGetNumErrTestFails(nint mem, out CLong value);

    [LibraryImport(Library)]
    public static partial int CVodeGetNumNonlinSolvConvFails(nint mem, out CLong value);

    [LibraryImport(Library)]
    public static partial int CVodeGetNumNonlinSolvIters(nint mem, out CLong value);

    private static readonly Lazy<bool> Loadable = new(() =>
    {
        if (!NativeLibrary.TryLoad(Library, typeof(CvodeNative).Assembly, null, out nint handle))
        {
            return false;
        }

        // Keep the handle: the runtime's own resolution of [LibraryImport] reuses the loaded image.
        return NativeLibrary.TryGetExport(handle, "CVodeCreate", out _);
    });

    /// <summary>Whether the shared library can be loaded on this machine.</summary>
    public static bool IsAvailable => Loadable.Value;

    /// <summary>The message printed when CVODE is missing.</summary>
    public const string NotAvailableMessage = "CVODE not available: install libsundials-cvode6 (apt-get install -y libsundials-cvode6)";
}
