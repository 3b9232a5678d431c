namespace PSC8.Module.Tests.Cmdlets;

/// <summary>Import-C8Document and Export-C8Document against C8 Local, with real files.</summary>
public sealed class ImportExportTests : CmdletTest
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "psc8-files-" + Guid.NewGuid().ToString("N"));
    private readonly string _collection = C8LocalFixture.Unique("files");

    public ImportExportTests(ModuleServers servers)
        : base(servers)
    {
        Directory.CreateDirectory(_folder);
        ConnectRoot();
        Shell.Set("Collection", _collection).Set("Folder", _folder);
        Run("New-C8Collection $Collection").ShouldSucceed();
    }

    protected override void CleanUp() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("accounts.jsonl", "{\"_key\":\"1\",\"name\":\"Ann\",\"balance\":250}\n\n{\"_key\":\"2\",\"name\":\"Bob\",\"balance\":9}\n")]
    [InlineData("accounts.json", "[\n  {\"_key\": \"1\", \"name\": \"Ann\", \"balance\": 250},\n  {\"_key\": \"2\", \"name\": \"Bob\", \"balance\": 9}\n]\n")]
    [InlineData("accounts.csv", "_key,name,balance\n1,Ann,250\n2,\"Bob\",9\n")]
    public async Task Each_format_imports_with_its_values_typed(string name, string content)
    {
        File.WriteAllText(Path.Combine(_folder, name), content);

        var summary = Assert.Single(Run($"Import-C8Document $Collection (Join-Path $Folder '{name}')").ShouldSucceed().Output);

        Assert.Equal((2L, 2L, 0L), ((long)summary.Properties["Documents"].Value, (long)summary.Properties["Created"].Value, (long)summary.Properties["Failed"].Value));
        var ann = (await C8.Root.Documents.GetAsync(null, _collection, "1"))!.Value;
        Assert.Equal(JsonValueKind.Number, ann.GetProperty("balance").ValueKind);
        Assert.Equal("Ann", ann.GetProperty("name").GetString());
    }

    [Fact]
    public void A_large_JSON_array_is_read_a_document_at_a_time_and_lines_are_counted_across_chunks()
    {
        // Documents of ~1 KB make the file span many of the reader's 64 KB chunks; a bad one at the end is found by line.
        var lines = new List<string> { "[" };
        for (var i = 0; i < 300; i++)
        {
            lines.Add("{\"_key\":\"k" + i + "\",\"pad\":\"" + new string('x', 1000) + "\"},");
        }

        lines.Add("42");
        lines.Add("]");
        File.WriteAllLines(Path.Combine(_folder, "big.json"), lines);

        var result = Run("Import-C8Document $Collection (Join-Path $Folder 'big.json')");

        var error = Assert.Single(result.Errors);
        Assert.Equal("C8.MalformedFile,PSC8.Commands.ImportC8DocumentCommand", error.FullyQualifiedErrorId);
        Assert.Contains("big.json, line 302", error.Exception.Message);
        Assert.Equal(0L, Count());
    }

    [Theory]
    [InlineData("bad.jsonl", "{\"_key\":\"1\"}\n{\"_key\":\"2\"}\n{\"_key\": oops}\n{\"_key\":\"4\"}\n", 3)]
    [InlineData("bad.csv", "_key,name\n1,Ann\n2,Bob,extra\n", 3)]
    [InlineData("bad.csv", "_key,name\n1,Ann\n2,\"Bob\n", 3)]
    [InlineData("bad.jsonl", "{\"_key\":\"1\"}\n[1,2]\n", 2)]
    public void A_malformed_file_names_its_line_and_imports_nothing(string name, string content, int line)
    {
        File.WriteAllText(Path.Combine(_folder, name), content);

        var result = Run($"Import-C8Document $Collection (Join-Path $Folder '{name}')");

        var error = Assert.Single(result.Errors);
        Assert.Equal("C8.MalformedFile,PSC8.Commands.ImportC8DocumentCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains(name + ", line " + line + ":", error.Exception.Message);
        Assert.Contains("Nothing of the file was imported", error.Exception.Message);
        Assert.Empty(result.Output);
        Assert.Equal(0L, Count());
    }

    [Theory]
    [InlineData("Error", "stored", 1, 0, 0, 1)]
    [InlineData("Replace", "new", 2, 0, 0, 0)]
    [InlineData("Update", "new", 1, 1, 0, 0)]
    [InlineData("Ignore", "stored", 1, 0, 1, 0)]
    public async Task OnDuplicate_decides_what_happens_to_a_stored_key(string mode, string expectedName, long created, long updated, long skipped, long failed)
    {
        Run("@{ _key = '1'; name = 'stored'; kept = $true } | Add-C8Document $Collection").ShouldSucceed();
        File.WriteAllText(Path.Combine(_folder, "in.jsonl"), "{\"_key\":\"1\",\"name\":\"new\"}\n{\"_key\":\"2\",\"name\":\"other\"}\n");

        var result = Run($"Import-C8Document $Collection (Join-Path $Folder 'in.jsonl') -OnDuplicate {mode}");

        var summary = Assert.Single(result.Output);
        Assert.Equal(
            (created, updated, skipped, failed),
            ((long)summary.Properties["Created"].Value, (long)summary.Properties["Updated"].Value, (long)summary.Properties["Skipped"].Value, (long)summary.Properties["Failed"].Value));
        var one = (await C8.Root.Documents.GetAsync(null, _collection, "1"))!.Value;
        Assert.Equal(expectedName, one.GetProperty("name").GetString());
        Assert.Equal(mode is "Update" or "Error" or "Ignore", one.TryGetProperty("kept", out _));
        if (failed > 0)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("C8.DuplicateKey,PSC8.Commands.ImportC8DocumentCommand", error.FullyQualifiedErrorId);
            Assert.EndsWith("in.jsonl:1", (string)error.TargetObject);
        }
        else
        {
            Assert.Empty(result.Errors);
        }
    }

    [Fact]
    public void A_collection_exports_without_id_and_rev_and_imports_again()
    {
        Run("1..2500 | ForEach-Object { @{ _key = \"k$_\"; n = $_; tags = @('a', $_) } } | Add-C8Document $Collection").ShouldSucceed();
        var file = Path.Combine(_folder, "out.jsonl");

        Run("Export-C8Document $Collection (Join-Path $Folder 'out.jsonl')").ShouldSucceed();

        var lines = File.ReadAllLines(file);
        Assert.Equal(2500, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.True(first.TryGetProperty("_key", out _));
        Assert.False(first.TryGetProperty("_id", out _));
        Assert.False(first.TryGetProperty("_rev", out _));
        Assert.Empty(Directory.GetFiles(_folder, "*.partial-*"));

        Run("Clear-C8Collection $Collection -Force; Import-C8Document $Collection (Join-Path $Folder 'out.jsonl')").ShouldSucceed();
        Assert.Equal(2500L, Count());
    }

    [Fact]
    public void A_query_exports_its_rows_as_a_JSON_array()
    {
        Run("1..5 | ForEach-Object { @{ n = $_ } } | Add-C8Document $Collection").ShouldSucceed();

        Run("Export-C8Document -Query 'FOR d IN @@c FILTER d.n > @min SORT d.n RETURN d.n' -BindVariable @{ '@c' = $Collection; min = 2 } -Path (Join-Path $Folder 'rows.json')").ShouldSucceed();

        Assert.Equal(new[] { 3, 4, 5 }, JsonSerializer.Deserialize<int[]>(File.ReadAllText(Path.Combine(_folder, "rows.json"))));
    }

    [Fact]
    public void NoClobber_keeps_an_existing_file_and_WhatIf_writes_nothing()
    {
        var file = Path.Combine(_folder, "keep.jsonl");
        File.WriteAllText(file, "keep me");

        var refused = Run("Export-C8Document $Collection (Join-Path $Folder 'keep.jsonl') -NoClobber");
        Run("Export-C8Document $Collection (Join-Path $Folder 'keep.jsonl') -WhatIf; Export-C8Document $Collection (Join-Path $Folder 'new.jsonl') -WhatIf").ShouldSucceed();

        Assert.Equal("C8.FileExists,PSC8.Commands.ExportC8DocumentCommand", Assert.Single(refused.Errors).FullyQualifiedErrorId);
        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.False(File.Exists(Path.Combine(_folder, "new.jsonl")));
    }

    private long Count() => C8.Root.Collections.CountAsync(null, _collection).GetAwaiter().GetResult();
}
