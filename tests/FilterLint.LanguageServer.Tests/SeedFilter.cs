using System;
using System.IO;
using FilterLint.LanguageServer.Protocol;

namespace FilterLint.LanguageServer.Tests;

/// <summary>
/// The seed defect in a temporary <c>filter.d</c>: a postfix-like filter whose SMTP command is <c>[A-Z]{4}</c>
/// (Fail2Ban 1.0.2's postfix.conf), its prefix <c>_pref</c> defined in the included <c>common.conf</c>.
/// </summary>
internal sealed class SeedFilter : IDisposable
{
    public const string Common = "[DEFAULT]\n_pref = ^\\S+ postfix/smtpd\\[\\d+\\]: NOQUEUE: reject:\n";

    public const string Filter =
        "# postfix-like seed filter\n" +
        "[INCLUDES]\n" +
        "before = common.conf\n" +
        "\n" +
        "[Definition]\n" +
        "failregex = %(_pref)s [A-Z]{4} from \\S+\\[<HOST>\\]: 554 5\\.7\\.1 .*$\n";

    public SeedFilter()
    {
        Root = Directory.CreateTempSubdirectory("filterlint-lsp-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "filter.d"));
        CommonPath = Write("filter.d/common.conf", Common);
        FilterPath = Write("filter.d/postfix-seed.conf", Filter);
    }

    public string Root { get; }

    public string CommonPath { get; }

    public string FilterPath { get; }

    public string FilterUri => DocumentUri.FromPath(FilterPath);

    public string CommonUri => DocumentUri.FromPath(CommonPath);

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
