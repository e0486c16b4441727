using System.Text;

namespace ExoSim.Storage;

/// <summary>
/// Writes files so that readers never see a half-written file: the content goes to a temporary file in the same
/// directory (same file system, so the rename is atomic on POSIX), which then replaces the target.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> as UTF-8 (no BOM) to <paramref name="path"/>, creating its directory.</summary>
    /// <returns>The full path written.</returns>
    public static string WriteAllText(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Write(path, stream =>
        {
            byte[] bytes = Utf8NoBom.GetBytes(content);
            stream.Write(bytes, 0, bytes.Length);
        });
    }

    /// <summary>Streams UTF-8 text (no BOM) to <paramref name="path"/> through <paramref name="writeText"/>, atomically.</summary>
    /// <returns>The full path written.</returns>
    public static string WriteText(string path, Action<TextWriter> writeText)
    {
        ArgumentNullException.ThrowIfNull(writeText);
        return Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            writeText(writer);
        });
    }

    /// <summary>Streams bytes to <paramref name="path"/> through <paramref name="writeContent"/>, atomically (e.g. a PNG image).</summary>
    /// <returns>The full path written.</returns>
    public static string Write(string path, Action<Stream> writeContent)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(writeContent);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{path}' has no parent directory.", nameof(path));
        Directory.CreateDirectory(directory);

        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writeContent(stream);

                // Data on disk before the rename, so a crash cannot leave an empty file under the final name.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        return fullPath;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
