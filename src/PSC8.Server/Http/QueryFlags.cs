namespace PSC8.Server.Http;

/// <summary>Boolean flags as the drivers spell them: 0/1 (pyC8), true/false (jsC8), True/False (hand-formatted).</summary>
internal static class QueryFlags
{
    public static bool TryParseBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "1":
            case "true":
            case "yes":
            case "on":
                value = true;
                return true;
            case "0":
            case "false":
            case "no":
            case "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
