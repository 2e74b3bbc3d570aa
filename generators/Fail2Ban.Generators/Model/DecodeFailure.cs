using Fail2Ban.Core.Config;

namespace Fail2Ban.Generators.Model;

/// <summary>Why and where a file's bytes are not UTF-8 (Fail2Ban refuses such a file), as plain equatable data.</summary>
internal sealed record DecodeFailure(string Message, int Line, int Column)
{
    /// <summary>The failure of <paramref name="text"/>, or null when it decoded.</summary>
    public static DecodeFailure? Of(ConfigFileText text) =>
        text.Text is null ? new DecodeFailure(text.DecodeError ?? "", text.ErrorLine, text.ErrorColumn) : null;

    /// <summary>The file as the config reader sees it: <paramref name="text"/>, or undecodable when <paramref name="failure"/> is set.</summary>
    public static ConfigFileText ToConfigFileText(string text, DecodeFailure? failure) =>
        failure is null ? ConfigFileText.FromText(text) : ConfigFileText.Undecodable(failure.Message, failure.Line, failure.Column);
}
