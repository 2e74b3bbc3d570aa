using System.Text.Json.Nodes;
using Fail2Ban.Core.Linting;
using FilterLint.LanguageServer.Protocol;
using FilterLint.LanguageServer.Workspace;

namespace FilterLint.LanguageServer.Features;

/// <summary>A lint finding as an LSP diagnostic: the rule id with its help page, the evidence line as related information.</summary>
public static class FindingDiagnostics
{
    public const string Source = "filterlint";

    public static JsonObject ToDiagnostic(LintFinding finding, OpenDocuments documents)
    {
        var l = finding.Location;
        var diagnostic = new JsonObject
        {
            ["range"] = LspJson.Range(l.Line, l.Column, l.EndLine, l.EndColumn),
            ["severity"] = finding.Severity switch
            {
                LintSeverity.Error => 1,
                LintSeverity.Warning => 2,
                _ => 3,
            },
            ["code"] = finding.RuleId,
            ["codeDescription"] = new JsonObject { ["href"] = RuleCatalog.HelpUriFor(finding.RuleId) },
            ["source"] = Source,
            ["message"] = finding.Message + (finding.Variants.Length > 0 ? " (" + finding.Variants + ")" : ""),
        };
        if (finding.Evidence is { } evidence)
        {
            diagnostic["relatedInformation"] = new JsonArray
            {
                new JsonObject
                {
                    ["location"] = new JsonObject
                    {
                        ["uri"] = documents.UriFor(l.File),
                        ["range"] = LspJson.Range(l.Line, l.Column, l.EndLine, l.EndColumn),
                    },
                    ["message"] = evidence.KindName + ": " + evidence.Line + (evidence.Explanation.Length > 0 ? " — " + evidence.Explanation : ""),
                },
            };
        }
        return diagnostic;
    }

    /// <summary>Whether two findings are the same report (found again through another filter that includes the file).</summary>
    public static string IdentityOf(LintFinding f) =>
        f.RuleId + "|" + f.Location.Line + ":" + f.Location.Column + "-" + f.Location.EndLine + ":" + f.Location.EndColumn + "|" + f.Message;
}
