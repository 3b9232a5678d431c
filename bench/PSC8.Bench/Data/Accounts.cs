using PSC8.Client.Json;

namespace PSC8.Bench.Data;

/// <summary>One "accounts" document: the shape of the jsC8 sample, about 200 bytes of JSON.</summary>
public sealed record Account(
    string Firstname, string Lastname, string Email, string City, string Zip, string Phone,
    double Balance, int Age, bool Active, string Since);

/// <summary>
/// Builds the documents both clients insert, from the index alone; bench/js/accounts.cjs builds the same ones
/// (the harness compares the JSON of both before measuring). The writer is how a PSC8.Client user sends typed
/// objects: straight to the request stream, property names encoded once.
/// </summary>
public static class Accounts
{
    private static readonly string[] FirstNames = ["Peter", "Bruce", "Clark", "Diana", "Tony", "Natasha", "Ned", "Arya", "Tywin", "Cersei", "Jaime", "Sansa"];
    private static readonly string[] LastNames = ["Parker", "Wayne", "Kent", "Prince", "Stark", "Romanoff", "Lannister", "Targaryen", "Snow", "Banner", "Rogers"];
    private static readonly string[] Cities = ["NewYork", "Gotham", "Metropolis", "Manhatten", "Winterfell", "Kings Landing", "San Francisco", "Berlin", "Mumbai"];

    private static readonly JsonEncodedText FirstnameName = JsonEncodedText.Encode("firstname");
    private static readonly JsonEncodedText LastnameName = JsonEncodedText.Encode("lastname");
    private static readonly JsonEncodedText EmailName = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText CityName = JsonEncodedText.Encode("City");
    private static readonly JsonEncodedText ZipName = JsonEncodedText.Encode("zip");
    private static readonly JsonEncodedText PhoneName = JsonEncodedText.Encode("phone");
    private static readonly JsonEncodedText BalanceName = JsonEncodedText.Encode("balance");
    private static readonly JsonEncodedText AgeName = JsonEncodedText.Encode("age");
    private static readonly JsonEncodedText ActiveName = JsonEncodedText.Encode("active");
    private static readonly JsonEncodedText SinceName = JsonEncodedText.Encode("since");

    public static JsonItemWriter<Account> Writer { get; } = Write;

    public static Account Make(long i)
    {
        var firstname = FirstNames[i % FirstNames.Length];
        var lastname = LastNames[i / FirstNames.Length % LastNames.Length];
        var scrambled = i * 7919 % 10_000_000;
        return new Account(
            firstname,
            lastname,
            string.Create(CultureInfo.InvariantCulture, $"{firstname.ToLowerInvariant()}.{lastname.ToLowerInvariant()}.{i}@example.com"),
            Cities[i % Cities.Length],
            (i % 100_000).ToString("D5", CultureInfo.InvariantCulture),
            "+1-555-" + scrambled.ToString("D7", CultureInfo.InvariantCulture),
            scrambled / 100.0,
            18 + (int)(i % 62),
            i % 3 != 0,
            string.Create(CultureInfo.InvariantCulture, $"{2000 + (i % 25)}-{1 + (i % 12):D2}-{1 + (i % 28):D2}"));
    }

    /// <summary>Documents 0 … count-1, sent over and over: the server gives each copy its own key.</summary>
    public static Account[] Pool(int count)
    {
        var pool = new Account[count];
        for (var i = 0; i < count; i++)
        {
            pool[i] = Make(i);
        }
        return pool;
    }

    public static void Write(Utf8JsonWriter writer, Account account)
    {
        writer.WriteStartObject();
        WriteMembers(writer, account);
        writer.WriteEndObject();
    }

    /// <summary>The attributes alone, for callers that put more in the same object.</summary>
    public static void WriteMembers(Utf8JsonWriter writer, Account account)
    {
        writer.WriteString(FirstnameName, account.Firstname);
        writer.WriteString(LastnameName, account.Lastname);
        writer.WriteString(EmailName, account.Email);
        writer.WriteString(CityName, account.City);
        writer.WriteString(ZipName, account.Zip);
        writer.WriteString(PhoneName, account.Phone);
        writer.WriteNumber(BalanceName, account.Balance);
        writer.WriteNumber(AgeName, account.Age);
        writer.WriteBoolean(ActiveName, account.Active);
        writer.WriteString(SinceName, account.Since);
    }

    /// <summary>One document as compact JSON, written the way the client writes request bodies.</summary>
    public static string ToJson(Account account)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, account);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
