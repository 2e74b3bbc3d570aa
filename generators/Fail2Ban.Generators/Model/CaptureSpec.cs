namespace Fail2Ban.Generators.Model;

/// <summary>A named capture the filter declares (<c>&lt;F-ALT_USER1&gt;</c> → group <c>alt_user1</c>, property <c>AltUser1</c>).</summary>
internal sealed record CaptureSpec(string GroupName, string PropertyName);
