using PSC8.Client.Errors;

namespace PSC8.Client.Tests;

public sealed class RedactionTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZW5hbnQiOiJ0MSIsImV4cCI6MTcwMDAwMDAwMH0=.c2lnbmF0dXJlKys=";

    [Theory]
    [InlineData("Authorization: bearer " + Jwt)]
    [InlineData("Authorization: apikey local.k1.AbCdEf0123456789")]
    [InlineData("{\"email\":\"a@b\",\"password\":\"hunter2-long\"}")]
    [InlineData("{\"key\":\"local.k1.AbCdEf0123456789\",\"keyid\":\"k1\"}")]
    [InlineData("POST /x?apikey=local.k1.AbCdEf0123456789&flag=true")]
    [InlineData("token " + Jwt + " here")]
    public void Secret_shaped_text_is_masked(string text)
    {
        var redacted = C8Redaction.Redact(text);
        Assert.Contains(C8Redaction.Mask, redacted);
        Assert.DoesNotContain("AbCdEf0123456789", redacted);
        Assert.DoesNotContain("hunter2-long", redacted);
        Assert.DoesNotContain("eyJ0ZW5hbnQi", redacted);
    }

    [Theory]
    [InlineData("(use bearer abc.def-GHI or apikey local.k1.AbCdEf0123456789)", "(use bearer *** or apikey ***)")]
    [InlineData("[apikey local.k1.AbCdEf0123456789]; next", "[apikey ***]; next")]
    [InlineData("Authorization: Bearer abc, and more", "Authorization: Bearer ***, and more")]
    public void Masking_a_credential_keeps_the_text_around_it(string text, string expected) =>
        Assert.Equal(expected, C8Redaction.Redact(text));

    [Fact]
    public void Known_secrets_are_masked_anywhere_and_ordinary_text_is_kept()
    {
        var redacted = C8Redaction.Redact("the value plainsecretvalue appears twice: plainsecretvalue", new[] { "plainsecretvalue", null, "" });
        Assert.Equal("the value *** appears twice: ***", redacted);
        Assert.Equal("GET /_fabric/_system/_api/collection -> 200", C8Redaction.Redact("GET /_fabric/_system/_api/collection -> 200"));
        Assert.Equal("{\"_key\":\"abc\"}", C8Redaction.Redact("{\"_key\":\"abc\"}"));
    }

    [Fact]
    public void Credentials_never_print_their_secret()
    {
        var key = C8Credential.FromApiKey("local.k1.AbCdEf0123456789");
        var password = C8Credential.FromPassword("root@c8.local", "hunter2-long");
        var token = C8Credential.FromToken(Jwt);
        Assert.DoesNotContain("AbCdEf", key.ToString());
        Assert.DoesNotContain("hunter2", password.ToString());
        Assert.Contains("root@c8.local", password.ToString());
        Assert.DoesNotContain("eyJ", token.ToString());
        foreach (var credential in new[] { key, password, token })
        {
            foreach (var property in typeof(C8Credential).GetProperties())
            {
                var value = property.GetValue(credential)?.ToString() ?? string.Empty;
                Assert.DoesNotContain("AbCdEf", value);
                Assert.DoesNotContain("hunter2", value);
                Assert.DoesNotContain("eyJ", value);
            }
        }
    }

    [Fact]
    public void SecureString_credentials_are_read_correctly()
    {
        using var secure = new System.Security.SecureString();
        foreach (var c in "local.k1.AbCdEf0123456789")
        {
            secure.AppendChar(c);
        }

        var credential = C8Credential.FromApiKey(secure);
        Assert.Equal(C8AuthenticationKind.ApiKey, credential.Kind);
        Assert.Equal("local", C8Connection.TenantFromApiKey("local.k1.AbCdEf0123456789"));
        Assert.Equal("a.b.com", C8Connection.TenantFromApiKey("a.b.com.k1.secret"));
        Assert.Null(C8Connection.TenantFromApiKey("nodots"));
    }
}
