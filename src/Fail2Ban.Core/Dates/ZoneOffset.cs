using System;
using System.Collections.Generic;
using System.Globalization;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// Fail2Ban's fixed-offset zone texts (spec 4.9): an optional abbreviation from its table plus an
/// optional <c>±hh[[:]mm]</c> part, as read from <c>%z</c>/<c>%Z</c> groups or <c>logtimezone</c>.
/// </summary>
public static class ZoneOffset
{
    /// <summary>The outcome of reading a zone text.</summary>
    public enum ParseStatus
    {
        /// <summary>The text is a valid zone; the offset is set.</summary>
        Valid,
        /// <summary>The text does not have the zone syntax (Fail2Ban: ValueError, the date is not parsed).</summary>
        Invalid,
        /// <summary>Upper-case abbreviation missing from the table (Fail2Ban: uncaught KeyError).</summary>
        UnknownAbbreviation,
    }

    // Verbatim TZ_STR of fail2ban/server/strptime.py: hours east of UTC, then abbreviations.
    private const string Table = @"
	-12 Y
	-11 X NUT SST
	-10 W CKT HAST HST TAHT TKT
	-9 V AKST GAMT GIT HADT HNY
	-8 U AKDT CIST HAY HNP PST PT
	-7 T HAP HNR MST PDT
	-6 S CST EAST GALT HAR HNC MDT
	-5 R CDT COT EASST ECT EST ET HAC HNE PET
	-4 Q AST BOT CLT COST EDT FKT GYT HAE HNA PYT
	-3 P ADT ART BRT CLST FKST GFT HAA PMST PYST SRT UYT WGT
	-2 O BRST FNT PMDT UYST WGST
	-1 N AZOT CVT EGT
	0 Z EGST GMT UTC WET WT
	1 A CET DFT WAT WEDT WEST
	2 B CAT CEDT CEST EET SAST WAST
	3 C EAT EEDT EEST IDT MSK
	4 D AMT AZT GET GST KUYT MSD MUT RET SAMT SCT
	5 E AMST AQTT AZST HMT MAWT MVT PKT TFT TJT TMT UZT YEKT
	6 F ALMT BIOT BTT IOT KGT NOVT OMST YEKST
	7 G CXT DAVT HOVT ICT KRAT NOVST OMSST THA WIB
	8 H ACT AWST BDT BNT CAST HKT IRKT KRAST MYT PHT SGT ULAT WITA WST
	9 I AWDT IRKST JST KST PWT TLT WDT WIT YAKT
	10 K AEST ChST PGT VLAT YAKST YAPT
	11 L AEDT LHDT MAGT NCT PONT SBT VLAST VUT
	12 M ANAST ANAT FJT GILT MAGST MHT NZST PETST PETT TVT WFT
	13 FJST NZDT
	11.5 NFT
	10.5 ACDT LHST
	9.5 ACST
	6.5 CCT MMT
	5.75 NPT
	5.5 SLT
	4.5 AFT IRDT
	3.5 IRST
	-2.5 HAT NDT
	-3.5 HNT NST NT
	-4.5 HLV VET
	-9.5 MART MIT
";

    private static readonly Dictionary<string, int> Abbreviations = BuildTable();

    /// <summary>Offset in minutes east of UTC of a table abbreviation (case-sensitive), if known.</summary>
    public static bool TryGetAbbreviation(string abbreviation, out int minutes) =>
        Abbreviations.TryGetValue(abbreviation, out minutes);

    /// <summary>
    /// Reads a zone text the way Fail2Ban reads a <c>%z</c>/<c>%Z</c> value: <c>Z</c>, <c>UTC</c>,
    /// <c>GMT</c> are 0, otherwise <c>[A-Z](?:[A-Z]{2,4})?</c> and/or <c>[+-][01]\d(?::?\d{2})?</c>,
    /// anchored at the start and ending at the end (or before a final newline).
    /// </summary>
    public static ParseStatus TryParse(ReadOnlySpan<char> text, out int minutes)
    {
        minutes = 0;
        if (text.SequenceEqual("Z".AsSpan()) || text.SequenceEqual("UTC".AsSpan()) || text.SequenceEqual("GMT".AsSpan()))
            return ParseStatus.Valid;
        return ParseFixed(text, out minutes);
    }

    /// <summary>
    /// Validates a <c>logtimezone</c>-style value (FIXED_OFFSET_TZ_RE, then the table lookup) and
    /// returns its offset in minutes east of UTC.
    /// </summary>
    public static ParseStatus ParseFixed(ReadOnlySpan<char> text, out int minutes)
    {
        minutes = 0;
        // Python: ([A-Z](?:[A-Z]{2,4})?)?([+-][01]\d(?::?\d{2})?)?$ with re.match; try the
        // alternatives in the order the backtracking engine would and keep the first full parse.
        int[] abbrLengths = { 5, 4, 3, 1, 0 };
        foreach (var a in abbrLengths)
        {
            if (a > 0 && !IsUpperRun(text, 0, a)) continue;
            // offset forms in backtracking order: with ":dd", with "dd", without minutes, none.
            for (var form = 0; form < 4; form++)
            {
                var end = MatchOffset(text, a, form);
                if (end < 0 || !AtEnd(text, end)) continue;
                var abbr = a == 0 ? "" : text.Slice(0, a).ToString();
                int abbrMinutes = 0;
                if (a > 0 && !Abbreviations.TryGetValue(abbr, out abbrMinutes))
                    return ParseStatus.UnknownAbbreviation;
                minutes = abbrMinutes + OffsetMinutes(text.Slice(a, end - a));
                return ParseStatus.Valid;
            }
        }
        return ParseStatus.Invalid;
    }

    private static bool IsUpperRun(ReadOnlySpan<char> text, int start, int length)
    {
        if (start + length > text.Length) return false;
        for (var i = start; i < start + length; i++)
            if (text[i] < 'A' || text[i] > 'Z') return false;
        return true;
    }

    // Returns the end of the offset part for the given form, or -1 when it does not match.
    private static int MatchOffset(ReadOnlySpan<char> text, int at, int form)
    {
        if (form == 3) return at;
        if (at + 3 > text.Length) return -1;
        if (text[at] != '+' && text[at] != '-') return -1;
        if (text[at + 1] != '0' && text[at + 1] != '1') return -1;
        if (!IsDigit(text[at + 2])) return -1;
        var p = at + 3;
        switch (form)
        {
            case 0:
                if (p + 3 > text.Length || text[p] != ':' || !IsDigit(text[p + 1]) || !IsDigit(text[p + 2])) return -1;
                return p + 3;
            case 1:
                if (p + 2 > text.Length || !IsDigit(text[p]) || !IsDigit(text[p + 1])) return -1;
                return p + 2;
            default:
                return p;
        }
    }

    private static bool AtEnd(ReadOnlySpan<char> text, int pos) =>
        pos == text.Length || (pos == text.Length - 1 && text[pos] == '\n');

    private static bool IsDigit(char c) => CharUnicodeInfo.GetDecimalDigitValue(c) >= 0;

    private static int Digit(char c) => CharUnicodeInfo.GetDecimalDigitValue(c);

    // zone2offset's numeric part: "±hh" -> ±hh*60; "±hhmm" / "±hh:mm" -> ±(hh*60+mm).
    private static int OffsetMinutes(ReadOnlySpan<char> offset)
    {
        if (offset.Length == 0) return 0;
        var sign = offset[0] == '-' ? -1 : 1;
        var hours = Digit(offset[1]) * 10 + Digit(offset[2]);
        if (offset.Length <= 3) return sign * hours * 60;
        var mm = offset[3] == ':' ? offset.Slice(4) : offset.Slice(3);
        return sign * (hours * 60 + Digit(mm[0]) * 10 + Digit(mm[1]));
    }

    private static Dictionary<string, int> BuildTable()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rawLine in Table.Split('\n'))
        {
            var parts = rawLine.Split(new[] { ' ', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            // int(float(hours) * 60): truncation toward zero, e.g. 5.75 -> 345, -9.5 -> -570.
            var minutes = (int)(double.Parse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture) * 60);
            for (var i = 1; i < parts.Length; i++) table[parts[i]] = minutes;
        }
        return table;
    }
}
