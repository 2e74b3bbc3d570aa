using System;
using System.IO;

namespace FilterLint.Output;

/// <summary>
/// Colours for the human reports: matched green, missed red, locations cyan. <c>--color auto</c> (the
/// default) colours only a terminal: not when the output is redirected or captured, nor when
/// <c>NO_COLOR</c> is set (https://no-color.org) or <c>TERM=dumb</c>.
/// </summary>
internal sealed class AnsiColor
{
    public static readonly string[] Modes = { "auto", "always", "never" };

    private AnsiColor(bool enabled) => Enabled = enabled;

    public bool Enabled { get; }

    public static AnsiColor For(string mode, TextWriter output) => new(mode switch
    {
        "always" => true,
        "never" => false,
        _ => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected &&
             string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) &&
             Environment.GetEnvironmentVariable("TERM") != "dumb",
    });

    public string Green(string text) => Wrap("32", text);

    public string Red(string text) => Wrap("31", text);

    public string Cyan(string text) => Wrap("36", text);

    public string Yellow(string text) => Wrap("33", text);

    public string Bold(string text) => Wrap("1", text);

    private string Wrap(string code, string text) => Enabled && text.Length > 0 ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
}
