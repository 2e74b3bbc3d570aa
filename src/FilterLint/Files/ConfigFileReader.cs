using System;
using System.IO;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using Mono.Unix;

namespace FilterLint.Files;

/// <summary>
/// Reads config files from disk the way a hostile filter cannot abuse: regular files only (a device such as
/// <c>/dev/zero</c> would never end, a FIFO would block forever), at most <see cref="EngineLimits.MaxConfigFileBytes"/>.
/// </summary>
internal static class ConfigFileReader
{
    /// <summary>What reading <paramref name="path"/> gave: the file's bytes, or null with <paramref name="refusal"/> when it was refused (null when it is missing).</summary>
    public static byte[]? ReadBytes(string path, out ConfigFileText? refusal)
    {
        refusal = null;
        if (Directory.Exists(path) || !File.Exists(path)) return null; // Fail2Ban skips what it cannot open
        if (!IsRegularFile(path))
        {
            refusal = ConfigFileText.Unreadable(DiagnosticIds.ConfigSyntax,
                "not a regular file (a device, FIFO or socket): not read");
            return null;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        // Length is 0 for /proc files: read up to one byte past the limit whatever the size says.
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > EngineLimits.MaxConfigFileBytes)
            {
                refusal = ConfigFileText.Unreadable(DiagnosticIds.LimitExceeded,
                    "the file is larger than " + EngineLimits.MaxConfigFileBytes + " bytes: not read");
                return null;
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The text of <paramref name="path"/> for quoting in output (excerpts, fixes): null unless it is a readable,
    /// UTF-8 Fail2Ban config (<see cref="IniParser.LooksLikeConfig"/>), so no line of another file is ever printed.
    /// </summary>
    public static string? ReadConfigText(string path)
    {
        try
        {
            var bytes = ReadBytes(path, out _);
            if (bytes is null) return null;
            var text = ConfigFileText.FromBytes(bytes).Text;
            return text is not null && IniParser.LooksLikeConfig(text) ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows()) return true;
        try
        {
            // stat follows symbolic links, as open does.
            return new UnixFileInfo(path).FileType == FileTypes.RegularFile;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            return true; // no native helper on this platform: read as before
        }
    }
}
