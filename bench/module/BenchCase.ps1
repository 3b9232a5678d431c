#Requires -Version 7.4
<#
.SYNOPSIS
One measurement of the module benchmark, in a fresh pwsh so that its CPU time and peak memory are its own.

.DESCRIPTION
Invoke-ModuleBench.ps1 runs this once per case and run; it prints one JSON line: the items the case handled, the
wall time of the measured part, this process's CPU time for it and its peak working set. With -Before n the same
work runs n times before the measured pass, as in a session that already did it (PowerShell and .NET compile and
cache on first use, which a fresh process pays inside the measured pass, and recompile hot code optimised a while
later).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Case,
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Password,
    [Parameter(Mandatory)] [string] $Data,
    [string] $Collection = 'bench',
    [int] $Count = 100000,
    [ValidateRange(0, 10)] [int] $Before = 0
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module $Module
$secure = ConvertTo-SecureString -String $Password -AsPlainText -Force
$credential = [pscredential]::new('root@c8.local', $secure)
$null = Connect-C8 -Url $Url -Credential $credential

# What a user writing it by hand needs: a token and the REST paths.
$login = Invoke-RestMethod -Method Post -Uri "$Url/_open/auth" -Body (@{ email = 'root@c8.local'; password = $Password } | ConvertTo-Json) -ContentType 'application/json'
$headers = @{ Authorization = "bearer $($login.jwt)" }
$api = "$Url/_fabric/_system/_api"

function New-Objects {
    foreach ($i in 1..$Count) {
        [pscustomobject]@{ name = "account $i"; city = 'Gotham'; balance = $i % 1000; active = ($i % 2) -eq 0; opened = '2026-01-01' }
    }
}

function New-Hashtables {
    foreach ($i in 1..$Count) {
        @{ name = "account $i"; city = 'Gotham'; balance = $i % 1000; active = ($i % 2) -eq 0; opened = '2026-01-01' }
    }
}

# The floors below the module: a compiled cmdlet that binds pipeline input as Add-C8Document does and does nothing,
# and one that is only called; compiled before the clock starts.
if ($Case -in 'floor-objects', 'floor-hashtables', 'floor-call') {
    Add-Type -TypeDefinition @'
using System.Management.Automation;
[Cmdlet(VerbsCommon.Add, "BenchNothing")]
public sealed class AddBenchNothing : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Collection { get; set; }
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)] public object InputObject { get; set; }
    [Parameter(ValueFromPipeline = true, DontShow = true)] public PSObject PipelineInput { get; set; }
    protected override void ProcessRecord() { }
}
[Cmdlet(VerbsCommon.Get, "BenchNothing")]
public sealed class GetBenchNothing : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Collection { get; set; }
    [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)] public string[] Key { get; set; }
    protected override void ProcessRecord() { WriteObject(Key[0]); }
}
'@ -PassThru | Select-Object -First 1 | ForEach-Object { Import-Module -Assembly $_.Assembly }
}

# The same HTTP requests through .NET's HttpClient straight from the script, without a cmdlet around them.
if ($Case -like 'ceiling-*' -or $Case -in 'floor-get', 'floor-set', 'floor-call') {
    $http = [System.Net.Http.HttpClient]::new()
    $http.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('bearer', $login.jwt)
}

function Invoke-Http([System.Net.Http.HttpRequestMessage] $Request) {
    $response = $http.SendAsync($Request).GetAwaiter().GetResult()
    try {
        $null = $response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw "$($Request.Method) $($Request.RequestUri) answered $([int]$response.StatusCode)." }
    }
    finally { $response.Dispose() }
}

# Prepared before the clock starts: the input a user already holds.
$prepared = switch -Wildcard ($Case) {
    'objects*' { @(New-Objects) }
    'hashtables*' { @(New-Hashtables) }
    'byhand-insert' { @(New-Objects) }
    'floor-objects' { @(New-Objects) }
    'floor-hashtables' { @(New-Hashtables) }
    'ceiling-insert' {
        # The documents as the module sends them, already serialised: 500 to a request body.
        $bodies = [System.Collections.Generic.List[byte[]]]::new()
        $text = [System.Text.StringBuilder]::new()
        for ($i = 1; $i -le $Count; $i++) {
            $null = $text.Append($(if ($text.Length) { ',' } else { '[' })).Append('{"name":"account ').Append($i).Append('","city":"Gotham","balance":').Append($i % 1000).Append(',"active":').Append($(if ($i % 2) { 'false' } else { 'true' })).Append(',"opened":"2026-01-01"}')
            if ($i % 500 -eq 0 -or $i -eq $Count) {
                $bodies.Add([System.Text.Encoding]::UTF8.GetBytes($text.Append(']').ToString()))
                $null = $text.Clear()
            }
        }
        $bodies
    }
    'floor-json' {
        # The server's pages as text: the floor is turning them into objects, nothing else.
        $page = Invoke-WebRequest -Method Post -Uri "$api/cursor" -Headers $headers -Body (@{ query = "FOR d IN $Collection LIMIT $Count RETURN d"; batchSize = 1000 } | ConvertTo-Json) -ContentType 'application/json'
        $texts = [System.Collections.Generic.List[string]]::new()
        $texts.Add($page.Content)
        $next = $page.Content | ConvertFrom-Json
        while ($next.hasMore) {
            $page = Invoke-WebRequest -Method Put -Uri "$api/cursor/$($next.id)" -Headers $headers
            $texts.Add($page.Content)
            $next = $page.Content | ConvertFrom-Json
        }
        $texts
    }
    default { $null }
}
if ($Case -like 'get*' -or $Case -like 'set*' -or $Case -like 'byhand-get*' -or $Case -like 'byhand-set*' -or $Case -in 'floor-get', 'floor-set', 'floor-call') {
    $keys = @(Invoke-C8Query "FOR d IN $Collection LIMIT 2000 RETURN d._key")
}

$exportPath = Join-Path ([System.IO.Path]::GetTempPath()) "psc8-bench-export-$PID.jsonl"
$latencies = [System.Collections.Generic.List[double]]::new()
$watch = [System.Diagnostics.Stopwatch]::new()
$work = { switch ($Case) {
    'csv' { Import-Csv -Path $Data | Add-C8Document -Collection $Collection; $Count }
    'objects' { $prepared | Add-C8Document -Collection $Collection; $Count }
    'hashtables' { $prepared | Add-C8Document -Collection $Collection; $Count }
    'byhand-insert' {
        for ($i = 0; $i -lt $prepared.Count; $i += 500) {
            $batch = $prepared[$i..([math]::Min($i + 499, $prepared.Count - 1))]
            $null = Invoke-RestMethod -Method Post -Uri "$api/document/$Collection" -Headers $headers -Body (ConvertTo-Json -InputObject $batch -Depth 5 -Compress) -ContentType 'application/json'
        }
        $Count
    }
    'floor-csv' { Import-Csv -Path $Data | Out-Null; $Count }
    'floor-objects' { $prepared | Add-BenchNothing -Collection $Collection; $Count }
    'floor-hashtables' { $prepared | Add-BenchNothing -Collection $Collection; $Count }
    'ceiling-insert' {
        # What C8 Local takes in the module's pattern with no client work: each batch sent once the one before is
        # answered (batches of one collection stay in order, so only one is ever in flight).
        foreach ($body in $prepared) {
            $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$api/document/$Collection")
            $request.Content = [System.Net.Http.ByteArrayContent]::new($body)
            $request.Content.Headers.ContentType = 'application/json'
            Invoke-Http $request
        }
        $Count
    }
    'query' { (Invoke-C8Query "FOR d IN $Collection LIMIT $Count RETURN d" | Measure-Object).Count }
    'byhand-query' {
        $rows = 0
        $page = Invoke-RestMethod -Method Post -Uri "$api/cursor" -Headers $headers -Body (@{ query = "FOR d IN $Collection LIMIT $Count RETURN d"; batchSize = 1000 } | ConvertTo-Json) -ContentType 'application/json'
        $rows += $page.result.Count
        while ($page.hasMore) {
            $page = Invoke-RestMethod -Method Put -Uri "$api/cursor/$($page.id)" -Headers $headers
            $rows += $page.result.Count
        }
        $rows
    }
    'floor-json' { ($prepared | ForEach-Object { ($_ | ConvertFrom-Json).result.Count } | Measure-Object -Sum).Sum }
    'export' { Export-C8Document -Query "FOR d IN $Collection LIMIT $Count RETURN d" -Path $exportPath; $Count }
    'byhand-export' {
        # The cursor loop again, each row written as one line of JSON: what JSON Lines export by hand looks like.
        $rows = 0
        $writer = [System.IO.StreamWriter]::new($exportPath)
        try {
            $page = Invoke-RestMethod -Method Post -Uri "$api/cursor" -Headers $headers -Body (@{ query = "FOR d IN $Collection LIMIT $Count RETURN d"; batchSize = 1000 } | ConvertTo-Json) -ContentType 'application/json'
            while ($true) {
                foreach ($row in $page.result) { $writer.WriteLine((ConvertTo-Json -InputObject $row -Compress -Depth 10)) }
                $rows += $page.result.Count
                if (-not $page.hasMore) { break }
                $page = Invoke-RestMethod -Method Put -Uri "$api/cursor/$($page.id)" -Headers $headers
            }
        }
        finally { $writer.Dispose() }
        $rows
    }
    'get' {
        foreach ($key in $keys) {
            $start = $watch.Elapsed.TotalMilliseconds
            $null = Get-C8Document $Collection $key
            $latencies.Add($watch.Elapsed.TotalMilliseconds - $start)
        }
        $keys.Count
    }
    'byhand-get' {
        foreach ($key in $keys) {
            $start = $watch.Elapsed.TotalMilliseconds
            $null = Invoke-RestMethod -Uri "$api/document/$Collection/$key" -Headers $headers
            $latencies.Add($watch.Elapsed.TotalMilliseconds - $start)
        }
        $keys.Count
    }
    'set' {
        foreach ($key in $keys) {
            $start = $watch.Elapsed.TotalMilliseconds
            Set-C8Document $Collection @{ touched = $true } -Key $key
            $latencies.Add($watch.Elapsed.TotalMilliseconds - $start)
        }
        $keys.Count
    }
    'byhand-set' {
        foreach ($key in $keys) {
            $start = $watch.Elapsed.TotalMilliseconds
            $null = Invoke-RestMethod -Method Patch -Uri "$api/document/$Collection/$key" -Headers $headers -Body '{"touched":true}' -ContentType 'application/json'
            $latencies.Add($watch.Elapsed.TotalMilliseconds - $start)
        }
        $keys.Count
    }
    'floor-get' {
        foreach ($key in $keys) {
            $start = $watch.Elapsed.TotalMilliseconds
            Invoke-Http ([System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "$api/document/$Collection/$key"))
            $latencies.Add($watch.Elapsed.TotalMilliseconds - $start)
        }
        $keys.Count
    }
    'floor-set' {
        foreach ($key in $keys) {
            $start = $watch.Elapsed.TotalMilliseconds
            $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Patch, "$api/document/$Collection/$key")
            $request.Content = [System.Net.Http.StringContent]::new('{"touched":true}', [System.Text.Encoding]::UTF8, 'application/json')
            Invoke-Http $request
            $latencies.Add($watch.Elapsed.TotalMilliseconds - $start)
        }
        $keys.Count
    }
    'floor-call' {
        # A cmdlet that does nothing, timed alone but called between requests as Get-C8Document is: right after a
        # request, PowerShell's own work for a call takes longer than in a loop of calls alone.
        foreach ($key in $keys) {
            Invoke-Http ([System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "$api/document/$Collection/$key"))
            $start = $watch.Elapsed.TotalMilliseconds
            $null = Get-BenchNothing $Collection $key
            $latencies.Add($watch.Elapsed.TotalMilliseconds - $start)
        }
        $keys.Count
    }
    default { throw "Unknown case '$Case'." }
} }
for ($pass = 0; $pass -lt $Before; $pass++) {
    $null = & $work
    $latencies.Clear()
}
$self = [System.Diagnostics.Process]::GetCurrentProcess()
[GC]::Collect()
$cpu = $self.TotalProcessorTime
$watch.Restart()
$items = & $work
$watch.Stop()
$self.Refresh()
$sorted = @($latencies | Sort-Object)
[pscustomobject]@{
    Case         = $Case
    Items        = [long]$items
    Seconds      = $watch.Elapsed.TotalSeconds
    CpuSeconds   = ($self.TotalProcessorTime - $cpu).TotalSeconds
    PeakMB       = [math]::Round($self.PeakWorkingSet64 / 1MB, 1)
    P50Ms        = if ($sorted.Count) { $sorted[[int]($sorted.Count / 2)] } else { $null }
} | ConvertTo-Json -Compress
Remove-Item -Path $exportPath -ErrorAction SilentlyContinue
