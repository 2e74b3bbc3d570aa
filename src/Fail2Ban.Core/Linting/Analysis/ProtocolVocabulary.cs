using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// A closed list of protocol words that daemons log (transports, SASL mechanisms, HTTP methods), as data,
/// with the standard each list comes from. A regex alternation that lists some of them is judged against
/// the whole list (<see cref="ProtocolEnumeration"/>).
/// </summary>
internal sealed class ProtocolVocabulary
{
    private ProtocolVocabulary(string name, int minimumListed, string[] members, string[]? ambiguous = null, bool clientChosen = false)
    {
        Name = name;
        MinimumListed = minimumListed;
        Members = members;
        Ambiguous = ambiguous ?? Array.Empty<string>();
        ClientChosen = clientChosen;
    }

    /// <summary>
    /// SIP transports, the IANA "Session Initiation Protocol (SIP) Parameters / Transport" names (RFC 3261 UDP, TCP, TLS;
    /// RFC 4168 SCTP; RFC 7118 WS, WSS), as Asterisk and other SIP servers log them.
    /// </summary>
    public static readonly ProtocolVocabulary Transports = new("transport", 2,
        new[] { "UDP", "TCP", "TLS", "WS", "WSS", "SCTP" },
        // TCP, UDP and SCTP alone are also IP protocol names (IANA protocol numbers: firewalls, port scanners),
        // a vocabulary where TLS and WS do not exist: such a list is not read as SIP transports.
        ambiguous: new[] { "UDP", "TCP", "SCTP" });

    /// <summary>SASL mechanisms, from the IANA "Simple Authentication and Security Layer (SASL) Mechanisms" registry (RFC 4422).</summary>
    public static readonly ProtocolVocabulary SaslMechanisms = new("SASL mechanism", 2,
        new[] { "PLAIN", "LOGIN", "CRAM-MD5", "DIGEST-MD5", "NTLM", "GSSAPI", "XOAUTH2", "OAUTHBEARER", "SCRAM-SHA-1", "SCRAM-SHA-256" },
        // The client names the mechanism (AUTH login) and servers such as Postfix log it as sent.
        clientChosen: true);

    /// <summary>HTTP methods: RFC 9110 section 9 (GET … TRACE), RFC 5789 (PATCH), RFC 4918 (PROPFIND, WebDAV).</summary>
    public static readonly ProtocolVocabulary HttpMethods = new("HTTP method", 3,
        new[] { "GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "PROPFIND", "CONNECT", "TRACE" },
        // GET, HEAD and POST are all a static file handler serves (nginx and Apache answer other methods with 405 or 501
        // before looking the file up): a list of only these is complete for "file not found" events.
        ambiguous: new[] { "GET", "POST", "HEAD" });

    public static IReadOnlyList<ProtocolVocabulary> All { get; } = new[] { Transports, SaslMechanisms, HttpMethods };

    /// <summary>
    /// SMTP command verbs: RFC 5321 section 4.1 (HELO … HELP), RFC 4954 (AUTH), RFC 3207 (STARTTLS). Not in <see cref="All"/>:
    /// filters list the commands of one event on purpose, so a partial list is no defect; only the letter case matters
    /// where a daemon echoes the command the client typed.
    /// </summary>
    public static readonly ProtocolVocabulary SmtpCommands = new("SMTP command", 1,
        new[] { "HELO", "EHLO", "MAIL", "RCPT", "DATA", "RSET", "NOOP", "QUIT", "VRFY", "EXPN", "HELP", "AUTH", "STARTTLS" },
        clientChosen: true);

    /// <summary>"transport", "SASL mechanism", "HTTP method".</summary>
    public string Name { get; }

    /// <summary>How many members an alternation must list before it is read as this vocabulary.</summary>
    public int MinimumListed { get; }

    public IReadOnlyList<string> Members { get; }

    /// <summary>Members that also form a complete list of their own (another vocabulary, a narrower context): a list of only these is not judged.</summary>
    public IReadOnlyList<string> Ambiguous { get; }

    /// <summary>Whether the client chooses the word and daemons log it as the client wrote it (so in any letter case).</summary>
    public bool ClientChosen { get; }

    /// <summary>The index of <paramref name="word"/> in <paramref name="text"/> as a whole word (same letter case), or -1.</summary>
    public static int WordIndex(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var end = i + word.Length;
            if ((i == 0 || !IsWordChar(text[i - 1])) && (end == text.Length || !IsWordChar(text[end]))) return i;
        }
        return -1;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';

    /// <summary>The member equal to <paramref name="text"/> in any letter case, or null.</summary>
    public string? MemberOf(string text) => Members.FirstOrDefault(m => string.Equals(m, text, StringComparison.OrdinalIgnoreCase));
}

/// <summary>An alternation whose finite set of texts lists members of a <see cref="ProtocolVocabulary"/>.</summary>
internal sealed class ProtocolEnumeration
{
    private const int MaxTexts = 64;

    private ProtocolEnumeration(AlternationNode node, ProtocolVocabulary vocabulary, IReadOnlyList<string> texts, bool ignoreCase)
    {
        Node = node;
        Vocabulary = vocabulary;
        Texts = texts;
        IgnoreCase = ignoreCase;
        Listed = texts.Where(t => vocabulary.MemberOf(t) != null).ToList();
        Missing = vocabulary.Members.Where(m => !texts.Any(t => string.Equals(t, m, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    public AlternationNode Node { get; }

    public ProtocolVocabulary Vocabulary { get; }

    /// <summary>Every text the alternation matches, as written.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>The texts that are members of the vocabulary, as written.</summary>
    public IReadOnlyList<string> Listed { get; }

    /// <summary>The members the alternation does not list in any letter case.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Whether the alternation is compared ignoring case.</summary>
    public bool IgnoreCase { get; }

    /// <summary>
    /// The alternations of <paramref name="regex"/> written in the filter whose texts are finite and list enough members
    /// of a vocabulary (outermost only: an enumeration inside another is not listed again).
    /// </summary>
    public static IEnumerable<ProtocolEnumeration> In(LintRegex regex)
    {
        var found = new List<AlternationNode>();
        foreach (var node in regex.Regex.Root.DescendantsAndSelf())
        {
            // A list in a look-around (postfix's (?!(?:DATA|AUTH)\b)) names exceptions, not the words a line may hold.
            if (node is not AlternationNode a || a.Origin != null || regex.Tree.InLookaround(a)) continue;
            if (found.Any(f => regex.Tree.IsWithin(a, f))) continue;
            var texts = FiniteTexts(regex.Tree, a);
            if (texts is null) continue;
            foreach (var vocabulary in ProtocolVocabulary.All)
            {
                var listed = texts.Select(vocabulary.MemberOf).Where(m => m != null).Distinct().ToList();
                if (listed.Count < vocabulary.MinimumListed || listed.All(m => vocabulary.Ambiguous.Contains(m))) continue;
                found.Add(a);
                yield return new ProtocolEnumeration(a, vocabulary, texts, regex.Tree.IgnoreCaseAt(a));
                break;
            }
        }
    }

    /// <summary>The finite set of texts a node matches (literals, groups, alternations, <c>?</c>, small classes), or null.</summary>
    private static List<string>? FiniteTexts(RegexTreeIndex tree, RegexNode node)
    {
        switch (node)
        {
            case LiteralNode l:
                return new List<string> { l.Value };
            case GroupNode { IsLookaround: false } g:
                return FiniteTexts(tree, g.Body);
            case AlternationNode a:
                var union = new List<string>();
                foreach (var alt in a.Alternatives)
                {
                    if (FiniteTexts(tree, alt) is not { } texts) return null;
                    union.AddRange(texts);
                }
                return union.Count <= MaxTexts ? union.Distinct().ToList() : null;
            case SequenceNode s:
                var product = new List<string> { "" };
                foreach (var item in s.Items)
                {
                    if (FiniteTexts(tree, item) is not { } part) return null;
                    product = product.SelectMany(p => part.Select(t => p + t)).ToList();
                    if (product.Count > MaxTexts) return null;
                }
                return product;
            case QuantifierNode { Min: 0, Max: 1 } q:
                return FiniteTexts(tree, q.Body) is { } body ? body.Prepend("").ToList() : null;
            case CharClassNode c when tree.AtomSet(c) is { Count: <= 4 } set && !set.IsEmpty:
                return set.Members().Select(ch => ch.ToString()).ToList();
            default:
                return null;
        }
    }
}
