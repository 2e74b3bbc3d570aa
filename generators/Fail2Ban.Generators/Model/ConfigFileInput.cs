namespace Fail2Ban.Generators.Model;

/// <summary>
/// One tagged AdditionalFile with its text and per-file metadata. Holds the text so a change is seen,
/// but the next step reduces it to a <see cref="FilterSpec"/> that ignores comments.
/// </summary>
internal sealed record ConfigFileInput(
    ConfigFileKind Kind,
    string Path,
    string Text,
    string? Options,
    string? RegexMode,
    string? ClassName,
    DecodeFailure? Decoding = null);
