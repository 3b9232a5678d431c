using System.Text;

namespace PSC8.Client.Tests.Infrastructure;

/// <summary>Builds unsigned GDN-shaped JWTs for the scripted server.</summary>
public static class TestJwt
{
    public static string Create(DateTimeOffset expires, string tenant = "scripted", string user = "root", bool padded = true, long serial = 0)
    {
        var header = Encode(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"), padded);
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iss"] = "macrometa",
            ["preferred_username"] = user,
            ["sub"] = tenant,
            ["tenant"] = tenant,
            ["serial"] = serial,
        }), padded);
        return header + "." + payload + "." + Encode(Encoding.UTF8.GetBytes("signature-" + serial), padded);
    }

    private static string Encode(byte[] bytes, bool padded)
    {
        var s = Convert.ToBase64String(bytes);
        return padded ? s : s.TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
