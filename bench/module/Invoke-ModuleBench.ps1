#Requires -Version 7.4
<#
.SYNOPSIS
The module's own speed in PowerShell, next to the same work written with Invoke-RestMethod, the floors below it, and
C8 Local's own ceiling.

.DESCRIPTION
Builds the module, starts C8 Local in memory (one region, or -Regions 3), loads the data the read cases need, and
runs every case -Runs times, each in a fresh pwsh (bench/module/BenchCase.ps1) so that its CPU time and peak memory
are its own: once as the first thing that process does (a runbook's one big import), and once after the same work
ran in that process (an interactive session or a loop); -Passes 3 or more adds the passes after that, to show when
the process's own compilation has settled. The floors are what PowerShell and .NET themselves cost in that process: Import-Csv alone,
ConvertFrom-Json of the server's pages, objects piped into a compiled cmdlet that does nothing, and each by-key request
sent through HttpClient from the script (plus PowerShell's own call of a cmdlet between requests); the ceiling is what
C8 Local takes when inserts come pre-serialised in the module's pattern, one batch in flight. Prints a Markdown table
of medians with ratios for each, then the memory figures: the pwsh process streaming
-Count and -StreamCount rows, and C8 Local's peak resident memory (and its private part) while each of the two streams runs.

.EXAMPLE
dotnet pwsh ./bench/module/Invoke-ModuleBench.ps1            # the full run
dotnet pwsh ./bench/module/Invoke-ModuleBench.ps1 -Quick     # 10,000 documents, one run: a smoke test
dotnet pwsh ./bench/module/Invoke-ModuleBench.ps1 -Passes 3  # also a third pass in each process
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 20)] [int] $Runs = 3,
    [ValidateRange(1000, 10000000)] [int] $Count = 100000,
    [ValidateRange(1000, 10000000)] [int] $StreamCount = 1000000,
    [ValidateSet(1, 3)] [int] $Regions = 1,
    [ValidateRange(2, 5)] [int] $Passes = 2,
    [switch] $Quick
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
if ($Quick) {
    $Runs = 1
    $Count = 10000
    $StreamCount = 50000
}

$root = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
& (Join-Path $root 'build.ps1') -Task Module | Out-Host
$version = (Select-Xml -Path (Join-Path $root 'Directory.Build.props') -XPath '/Project/PropertyGroup/Version').Node.InnerText
$module = Join-Path $root "out/PSC8/$version/PSC8.psd1"
Import-Module $module -Force
$server = Start-C8Local -Region @('us-west', 'eu-central', 'ap-south')[0..($Regions - 1)]
$scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('psc8-bench-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $scratch

function Invoke-Rest {
    param([string] $Method, [string] $Path, [object] $Body)
    $arguments = @{ Method = $Method; Uri = $script:Api + $Path; Headers = $script:Headers; ContentType = 'application/json' }
    if ($null -ne $Body) { $arguments.Body = $Body | ConvertTo-Json -Depth 5 -Compress }
    Invoke-RestMethod @arguments
}

# Other work on the machine slows every case: the table says how busy it was (the 1-minute load average).
function Get-LoadAverage {
    $line = Get-Content -Path '/proc/loadavg' -ErrorAction SilentlyContinue
    if ($line) { ($line -split ' ')[0] } else { 'unknown' }
}

# C8 Local's resident memory (MB): all of it, and its private part (RssAnon). The rest is mostly the region's database
# file mapped into the process; in memory that file is on /dev/shm, in RAM whether mapped or not, so reading it through
# the map adds to RSS without using more memory.
function Get-ServerMemoryMB {
    param([string] $Field = 'VmRSS')
    $status = Get-Content -Path "/proc/$($server.ProcessId)/status" -ErrorAction SilentlyContinue
    $line = $status | Where-Object { $_ -like "$($Field):*" }
    if ($line) { [math]::Round([double]($line -split '\s+')[1] / 1024, 1) } else { $null }
}

# One case in a fresh pwsh; while it runs, C8 Local's resident memory is sampled.
function Measure-Case {
    param([string] $Case, [string] $Collection, [int] $Items, [int] $Before = 0)
    $password = $server.Credential.GetNetworkCredential().Password
    $start = [System.Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME 'pwsh'))
    foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'BenchCase.ps1'), '-Case', $Case, '-Module', $module,
            '-Url', $server.Url, '-Password', $password, '-Data', (Join-Path $scratch 'accounts.csv'), '-Collection', $Collection, '-Count', $Items)) {
        $start.ArgumentList.Add([string]$argument)
    }
    foreach ($argument in @('-Before', $Before)) { $start.ArgumentList.Add([string]$argument) }
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $read = $process.StandardOutput.ReadToEndAsync()
    $serverBefore = Get-ServerMemoryMB
    $privateBefore = Get-ServerMemoryMB RssAnon
    $serverPeak = $serverBefore
    $privatePeak = $privateBefore
    while (-not $process.WaitForExit(100)) {
        $serverPeak = [math]::Max($serverPeak, (Get-ServerMemoryMB))
        $privatePeak = [math]::Max($privatePeak, (Get-ServerMemoryMB RssAnon))
    }
    $process.WaitForExit()
    if ($process.ExitCode -ne 0) { throw "Case $Case failed with exit code $($process.ExitCode)." }
    $result = ($read.Result -split "`n" | Where-Object { $_ -like '{*' } | Select-Object -Last 1) | ConvertFrom-Json
    $result | Add-Member -NotePropertyMembers @{
        ServerBeforeMB = $serverBefore; ServerPeakMB = $serverPeak; ServerPrivateBeforeMB = $privateBefore; ServerPrivatePeakMB = $privatePeak
    } -PassThru
}

# C8 Local's memory over one streaming case: its peak RSS and what it grew by, and the same for its private part.
function Format-ServerStream {
    param([object] $Case)
    '{0:0} MB (+{1:0}), private {2:0} MB (+{3:0})' -f $Case.ServerPeakMB, ($Case.ServerPeakMB - $Case.ServerBeforeMB),
        $Case.ServerPrivatePeakMB, ($Case.ServerPrivatePeakMB - $Case.ServerPrivateBeforeMB)
}

function Get-Median {
    param([double[]] $Values)
    $sorted = @($Values | Sort-Object)
    $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)]
}

try {
    $login = Invoke-RestMethod -Method Post -Uri "$($server.Url)/_open/auth" -ContentType 'application/json' -Body (@{ email = 'root@c8.local'; password = $server.Credential.GetNetworkCredential().Password } | ConvertTo-Json)
    $script:Headers = @{ Authorization = "bearer $($login.jwt)" }
    $script:Api = "$($server.Url)/_fabric/_system/_api"
    foreach ($name in 'ins', 'data') { $null = Invoke-Rest POST '/collection' @{ name = $name } }
    Write-Host "Loading $StreamCount documents into 'data'..."
    $null = Invoke-Rest POST '/cursor' @{ query = "FOR i IN 1..$StreamCount INSERT { name: CONCAT('account ', i), city: 'Gotham', balance: i % 1000, active: i % 2 == 0, opened: '2026-01-01' } INTO data" }
    & {
        foreach ($i in 1..$Count) {
            [pscustomobject]@{ name = "account $i"; city = 'Gotham'; balance = $i % 1000; active = ($i % 2) -eq 0; opened = '2026-01-01' }
        }
    } | Export-Csv -Path (Join-Path $scratch 'accounts.csv')

    $cases = [ordered]@{
        'csv' = 'ins'; 'objects' = 'ins'; 'hashtables' = 'ins'; 'byhand-insert' = 'ins'; 'ceiling-insert' = 'ins'
        'floor-csv' = 'data'; 'floor-objects' = 'data'; 'floor-hashtables' = 'data'
        'query' = 'data'; 'byhand-query' = 'data'; 'floor-json' = 'data'
        'export' = 'data'; 'byhand-export' = 'data'
        'get' = 'data'; 'byhand-get' = 'data'; 'floor-get' = 'data'; 'floor-call' = 'data'
        'set' = 'data'; 'byhand-set' = 'data'; 'floor-set' = 'data'
    }
    $loadBefore = Get-LoadAverage
    # One warm-up of each path, so the first measured run does not pay for C8 Local's JIT alone.
    $null = Measure-Case 'objects' 'ins' 1000
    $null = Measure-Case 'query' 'data' 1000
    $byMode = [ordered]@{ 'first pass in a fresh pwsh' = @{}; 'second pass (warm session)' = @{} }
    if ($Passes -ge 3) { foreach ($pass in 3..$Passes) { $byMode["pass $pass in the same pwsh"] = @{} } }
    $passOf = @{}
    $number = 0
    foreach ($mode in $byMode.Keys) { $passOf[$mode] = $number++ }
    foreach ($mode in @($byMode.Keys)) {
        foreach ($case in $cases.Keys) {
            $byMode[$mode][$case] = foreach ($run in 1..$Runs) {
                if ($cases[$case] -eq 'ins') { $null = Invoke-Rest PUT '/collection/ins/truncate' }
                Write-Host "$case ($mode), run $run of $Runs"
                Measure-Case $case $cases[$case] $Count -Before $passOf[$mode]
            }
        }
    }
    $loadAfter = Get-LoadAverage
    # The two streams C8 Local's memory is compared over, back to back: flat means the larger grows it no more.
    $smallStream = Measure-Case 'query' 'data' $Count
    $stream = Measure-Case 'query' 'data' $StreamCount

    function Rate([string] $case) { Get-Median ($results[$case] | ForEach-Object { $_.Items / $_.Seconds }) }
    function P50([string] $case) { Get-Median ($results[$case] | ForEach-Object { $_.P50Ms }) }
    function Ratio([double] $a, [double] $b) { '{0:0.0}x' -f ($a / $b) }

    foreach ($mode in $byMode.Keys) {
        $results = $byMode[$mode]

        $rows = @(
            @{ Work = '`Import-Csv \| Add-C8Document` (docs/s)'; Psc8 = Rate 'csv'; ByHand = Rate 'byhand-insert'; Floor = Rate 'floor-csv'; Goal = 100000 }
            @{ Work = 'PSCustomObjects `\| Add-C8Document` (docs/s)'; Psc8 = Rate 'objects'; ByHand = Rate 'byhand-insert'; Floor = Rate 'floor-objects'; Goal = 120000 }
            @{ Work = 'hashtables `\| Add-C8Document` (docs/s)'; Psc8 = Rate 'hashtables'; ByHand = Rate 'byhand-insert'; Floor = Rate 'floor-hashtables'; Goal = 120000 }
            @{ Work = '`Invoke-C8Query` to the end (rows/s)'; Psc8 = Rate 'query'; ByHand = Rate 'byhand-query'; Floor = Rate 'floor-json'; Goal = 120000 }
            @{ Work = '`Export-C8Document` to JSON Lines (rows/s)'; Psc8 = Rate 'export'; ByHand = Rate 'byhand-export'; Floor = $null; Goal = $null }
            @{ Work = '`Get-C8Document` by key (calls/s)'; Psc8 = Rate 'get'; ByHand = Rate 'byhand-get'; Floor = Rate 'floor-get'; Goal = $null }
            @{ Work = '`Set-C8Document` by key (calls/s)'; Psc8 = Rate 'set'; ByHand = Rate 'byhand-set'; Floor = Rate 'floor-set'; Goal = $null }
        )
        Write-Output ''
        Write-Output "$($mode): C8 Local in memory, $Regions region(s); $Count documents of five fields; medians of $Runs runs; $([Environment]::ProcessorCount) cores; load average $loadBefore before the run, $loadAfter after it."
        Write-Output ''
        Write-Output '| work | PSC8 | by hand (Invoke-RestMethod) | PSC8 / by hand | floor | goal |'
        Write-Output '|---|---:|---:|---:|---:|---|'
        foreach ($row in $rows) {
            $met = if ($null -eq $row.Goal) { '' } elseif ($row.Psc8 -ge $row.Goal -and $row.Psc8 -ge 3 * $row.ByHand) { "≥ $($row.Goal) and ≥ 3x: met" } else { "≥ $($row.Goal) and ≥ 3x: missed" }
            $floor = if ($null -eq $row.Floor) { '–' } else { '{0:N0}' -f $row.Floor }
            Write-Output ('| {0} | {1:N0} | {2:N0} | {3} | {4} | {5} |' -f $row.Work, $row.Psc8, $row.ByHand, (Ratio $row.Psc8 $row.ByHand), $floor, $met)
        }
        Write-Output ''
        Write-Output ('C8 Local''s ceiling for inserts sent as the module sends them (bodies of 500 serialised before the clock, each sent from this pwsh through HttpClient once the one before is answered): {0:N0} docs/s; 3x the by-hand insert would be {1:N0}.' -f
            (Rate 'ceiling-insert'), (3 * (Rate 'byhand-insert')))
        Write-Output ('Per-call p50: Get-C8Document {0:0.000} ms (by hand {1:0.000}; goal ≤ 0.3: {2}), Set-C8Document {3:0.000} ms (by hand {4:0.000}). The floor: the same GET through HttpClient from the script {5:0.000} ms, PATCH {6:0.000} ms, plus PowerShell''s own call of a compiled cmdlet that does nothing, between requests, {7:0.000} ms.' -f
            (P50 'get'), (P50 'byhand-get'), $(if ((P50 'get') -le 0.3) { 'met' } else { 'missed' }), (P50 'set'), (P50 'byhand-set'), (P50 'floor-get'), (P50 'floor-set'), (P50 'floor-call'))
        $cpu = Get-Median ($results['objects'] | ForEach-Object { $_.CpuSeconds / $_.Items * 100000 })
        $cpuCsv = Get-Median ($results['csv'] | ForEach-Object { $_.CpuSeconds / $_.Items * 100000 })
        $cpuQuery = Get-Median ($results['query'] | ForEach-Object { $_.CpuSeconds / $_.Items * 100000 })
        Write-Output ('pwsh CPU per 100k: objects inserted {0:0.00} s, CSV rows inserted {1:0.00} s, rows streamed {2:0.00} s.' -f $cpu, $cpuCsv, $cpuQuery)
    }
    $results = $byMode[@($byMode.Keys)[0]]
    $small = Get-Median ($results['query'] | ForEach-Object { $_.PeakMB })
    Write-Output ('pwsh peak working set streaming {0:N0} rows: {1} MB; {2:N0} rows: {3} MB.' -f $Count, $small, $StreamCount, $stream.PeakMB)
    Write-Output ('C8 Local peak RSS streaming {0:N0} rows: {1}; {2:N0} rows: {3}.' -f
        $Count, (Format-ServerStream $smallStream), $StreamCount, (Format-ServerStream $stream))
}
finally {
    $server | Stop-C8Local
    Remove-Item -Path $scratch -Recurse -Force -ErrorAction SilentlyContinue
}
