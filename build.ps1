#Requires -Version 7.4
<#
.SYNOPSIS
Builds, packages, tests and demonstrates PSC8.

.DESCRIPTION
Build   dotnet build of the solution (Release).
Module  assembles out/PSC8/<version>/: the manifest, PSC8.dll, PSC8.Client.dll, the runtime dependencies Windows
        PowerShell lacks, the format file and the en-US help, exactly as the manifest's FileList says.
Package makes out/packages/PSC8.<version>.nupkg, the module as PSResourceGet publishes it (Publish-PSResource into a
        temporary local repository, so Install-PSResource and Save-PSResource take it like any other), and
        c8local.<version>.nupkg, C8 Local as a .NET tool (dotnet tool install c8local --add-source out/packages).
Help    regenerates src/PSC8/en-US/PSC8.dll-Help.xml from src/PSC8/help/*.md and the built cmdlets (tools/Build-Help.ps1).
Test    every suite: xUnit (the solution), Pester against the built module, and the demo; then the module's suites
        (PSC8.Module.Tests, Pester, the demo) again against C8 Local with --strict-api. Each suite runs even when an
        earlier one failed, and the last line is "N passed, N failed" over all of them.
Pester  Invoke-Pester on tests/*.Tests.ps1 against the built module and packages (the tests start their own C8 Local
        with the module's Start-C8Local, and install the packages in temporary folders). Pester is
        restored from NuGet by tools/PowerShellModules.csproj and imported by path.
Demo    builds the module, starts C8 Local on free ports, runs examples/SpotCollections.ps1 twice in a row against
        it, and stops the server.
All     the same as Test.

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Module', 'Package', 'Help', 'Test', 'Pester', 'Demo', 'All')]
    [string] $Task = 'All'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$Root = $PSScriptRoot
$Configuration = 'Release'
$Version = (Select-Xml -Path (Join-Path $Root 'Directory.Build.props') -XPath '/Project/PropertyGroup/Version').Node.InnerText
$ModuleFolder = Join-Path $Root "out/PSC8/$Version"
$ModuleManifest = Join-Path $ModuleFolder 'PSC8.psd1'
$BuildOutput = Join-Path $Root "src/PSC8/bin/$Configuration/netstandard2.0"
$ServerAssembly = Join-Path $Root "src/PSC8.Server/bin/$Configuration/net10.0/c8local.dll"
$ResultsFolder = Join-Path $Root 'out/test-results'
$PackageFolder = Join-Path $Root 'out/packages'
$Completed = [System.Collections.Generic.HashSet[string]]::new()

# A plain function on purpose: its arguments (-c Release ...) all go to dotnet.
function Invoke-DotNet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE."
    }
}

# Each task runs at most once per invocation, however many others depend on it.
function Invoke-Step {
    param([string] $Name, [scriptblock] $Action)

    if ($Completed.Add($Name)) {
        Write-Host "== $Name" -ForegroundColor Cyan
        & $Action
    }
}

function Invoke-BuildTask {
    Invoke-Step Build {
        Invoke-DotNet build (Join-Path $Root 'PSC8.sln') -c $Configuration
    }
}

function Invoke-ModuleTask {
    Invoke-BuildTask
    Invoke-Step Module {
        $manifest = Import-PowerShellDataFile -Path (Join-Path $Root 'PSC8.psd1')
        if ($manifest.ModuleVersion -ne $Version) {
            throw "PSC8.psd1 has ModuleVersion $($manifest.ModuleVersion), Directory.Build.props has $Version."
        }

        if (Test-Path $ModuleFolder) {
            Remove-Item -Path $ModuleFolder -Recurse -Force
        }

        # The FileList is the folder's exact content: nothing from the build output that PowerShell brings itself
        # (System.Management.Automation) or that the module does not load.
        foreach ($file in $manifest.FileList) {
            $source = if ($file -in 'PSC8.psd1', 'LICENSE') {
                Join-Path $Root $file
            }
            elseif ($file -like '*.dll') {
                Join-Path $BuildOutput $file
            }
            else {
                Join-Path $Root "src/PSC8/$file"
            }
            $target = Join-Path $ModuleFolder $file
            $null = New-Item -ItemType Directory -Path (Split-Path -Parent $target) -Force
            Copy-Item -LiteralPath $source -Destination $target
        }

        $null = Test-ModuleManifest -Path $ModuleManifest
        Write-Host "Module: $ModuleFolder"
    }
}

function Invoke-PackageTask {
    Invoke-ModuleTask
    Invoke-Step Package {
        if (Test-Path $PackageFolder) {
            Remove-Item -Path $PackageFolder -Recurse -Force
        }
        $null = New-Item -ItemType Directory -Path $PackageFolder

        # A repository of this run's own, gone afterwards: publishing never reaches a registered repository.
        $repository = 'PSC8-build-' + [guid]::NewGuid().ToString('N')
        Register-PSResourceRepository -Name $repository -Uri $PackageFolder -Trusted
        try {
            Publish-PSResource -Path $ModuleFolder -Repository $repository
        }
        finally {
            Unregister-PSResourceRepository -Name $repository
        }

        Invoke-DotNet pack (Join-Path $Root 'src/PSC8.Server') -c $Configuration -o $PackageFolder
        Get-ChildItem -Path $PackageFolder -Filter '*.nupkg' | ForEach-Object { Write-Host "Package: $($_.FullName)" }
    }
}

# The help is generated in a child pwsh, so the module it imports is not the one this session may already hold.
function Invoke-HelpTask {
    Invoke-ModuleTask
    Invoke-Step Help {
        $help = Join-Path $Root 'src/PSC8/en-US/PSC8.dll-Help.xml'
        & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File (Join-Path $Root 'tools/Build-Help.ps1') -Module $ModuleManifest -Destination $help
        if ($LASTEXITCODE -ne 0) {
            throw "tools/Build-Help.ps1 failed with exit code $LASTEXITCODE."
        }
        Copy-Item -LiteralPath $help -Destination (Join-Path $ModuleFolder 'en-US/PSC8.dll-Help.xml')
        Write-Host "Help: $help"
    }
}

# Pester from the NuGet package folder: the version tools/PowerShellModules.csproj pins, restored on first use.
function Import-Pester {
    $project = Join-Path $Root 'tools/PowerShellModules.csproj'
    $version = (Select-Xml -Path $project -XPath '//PackageDownload[@Include="Pester"]').Node.Version.Trim('[', ']')
    Invoke-DotNet restore $project --verbosity quiet
    $assets = Get-Content -Raw -Path (Join-Path $Root 'tools/obj/project.assets.json') | ConvertFrom-Json
    $packages = @($assets.packageFolders.PSObject.Properties.Name)[0]
    $pester = Join-Path $packages "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $pester)) {
        throw "Pester $version was restored, but $pester is missing."
    }
    Import-Module $pester -Force -Global
}

# Runs the Pester suite and returns its result object (failures do not throw here; Invoke-PesterTask decides).
function Invoke-PesterSuite {
    # To the host: dotnet's own output must not become part of the result this function returns.
    Invoke-PackageTask | Out-Host
    Import-Pester
    $env:PSC8_MODULE_PATH = $ModuleManifest
    $env:PSC8_PACKAGE_PATH = $PackageFolder
    $env:PSC8_C8LOCAL_PATH = $ServerAssembly
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = @(Get-ChildItem -Path (Join-Path $Root 'tests') -Filter '*.Tests.ps1').FullName
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    Invoke-Pester -Configuration $configuration
}

function Invoke-PesterTask {
    Invoke-ModuleTask
    Invoke-Step Pester {
        $result = Invoke-PesterSuite
        if ($result.Result -ne 'Passed') {
            throw "Pester: $($result.FailedCount) failed, $($result.PassedCount) passed."
        }
    }
}

# The documented flow, twice in a row against one C8 Local; returns how many runs passed and failed.
function Invoke-DemoRuns {
    Import-Module $ModuleManifest -Force
    $outcome = [pscustomobject]@{ Passed = 0; Failed = 0 }
    $server = Start-C8Local -Path $ServerAssembly
    try {
        $regions = @($server.Regions.Values)
        Write-Host "C8 Local: $(($server.Regions.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ' ')"
        $example = Join-Path $Root 'examples/SpotCollections.ps1'
        foreach ($run in 1, 2) {
            Write-Host "== Demo run $run of 2: examples/SpotCollections.ps1" -ForegroundColor Cyan
            try {
                & $example -Url $regions[0] -RegionUrl $regions[1..($regions.Count - 1)] -Credential $server.Credential
                $outcome.Passed++
            }
            catch {
                Write-Host "Demo run $run failed: $_" -ForegroundColor Red
                $outcome.Failed++
            }
        }
    }
    finally {
        $server | Stop-C8Local
    }
    $outcome
}

function Invoke-DemoTask {
    Invoke-ModuleTask
    Invoke-Step Demo {
        $outcome = Invoke-DemoRuns
        if ($outcome.Failed -gt 0) {
            throw "The demo failed in $($outcome.Failed) of 2 runs."
        }
    }
}

# Totals of the .trx files one dotnet test run wrote (one per test project).
function Read-TrxTotal {
    param([string] $Folder)

    $total = [pscustomobject]@{ Passed = 0; Failed = 0; Projects = 0 }
    foreach ($file in Get-ChildItem -Path $Folder -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $counters = (Select-Xml -Path $file.FullName -XPath '//*[local-name()="Counters"]').Node
        $total.Passed += [int]$counters.passed
        $total.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $total.Projects++
    }
    $total
}

# dotnet test of a solution or project into a fresh results folder; returns the totals of its .trx files.
function Invoke-XUnit {
    param([string] $Target, [string] $Folder, [switch] $NoBuild)

    $results = Join-Path $ResultsFolder $Folder
    if (Test-Path $results) {
        Remove-Item -Path $results -Recurse -Force
    }
    # @(...) keeps a one-element array an array: splatting a lone string would pass it character by character.
    $build = @(if ($NoBuild) { '--no-build' })
    # To the host: the function returns only the totals.
    & dotnet test (Join-Path $Root $Target) -c $Configuration --results-directory $results @build | Out-Host
    $exit = $LASTEXITCODE
    $total = Read-TrxTotal $results
    if ($exit -ne 0 -and $total.Failed -eq 0) {
        # The build or a test host failed before any result was written: count it, never hide it.
        $total.Failed = 1
    }
    $total
}

# Pester against the module as a user installs it, then the demo; adds one row per suite to $Suites.
function Add-ModuleSuites {
    param([System.Collections.Generic.List[object]] $Suites, [string] $Label)

    try {
        Invoke-ModuleTask
        $pester = Invoke-PesterSuite
        # A file that failed discovery, or a failed setup outside any test, still counts as a failure.
        $pesterFailed = $pester.FailedCount + @($pester.FailedContainers).Count
        if ($pester.Result -ne 'Passed' -and $pesterFailed -eq 0) {
            $pesterFailed = 1
        }
        $Suites.Add([pscustomobject]@{ Suite = "Pester$Label"; Passed = $pester.PassedCount; Failed = $pesterFailed })
    }
    catch {
        Write-Host "Pester$Label could not run: $_" -ForegroundColor Red
        $Suites.Add([pscustomobject]@{ Suite = "Pester$Label"; Passed = 0; Failed = 1 })
    }

    try {
        $demo = Invoke-DemoRuns
        $Suites.Add([pscustomobject]@{ Suite = "Demo (2 runs)$Label"; Passed = $demo.Passed; Failed = $demo.Failed })
    }
    catch {
        Write-Host "The demo$Label could not run: $_" -ForegroundColor Red
        $Suites.Add([pscustomobject]@{ Suite = "Demo (2 runs)$Label"; Passed = 0; Failed = 1 })
    }
}

function Invoke-TestTask {
    Invoke-Step Test {
        $suites = [System.Collections.Generic.List[object]]::new()

        # xUnit: the whole solution, one .trx per test project.
        $xunit = Invoke-XUnit -Target 'PSC8.sln' -Folder 'xunit'
        $suites.Add([pscustomobject]@{ Suite = "xUnit ($($xunit.Projects) projects)"; Passed = $xunit.Passed; Failed = $xunit.Failed })

        Add-ModuleSuites -Suites $suites -Label ''

        # The module's suites again against C8 Local with --strict-api: the module must send only what GDN's published
        # API defines (C8LOCAL_STRICT_API is read by c8local itself and by ModuleServers).
        $strictWatch = [System.Diagnostics.Stopwatch]::StartNew()
        $env:C8LOCAL_STRICT_API = '1'
        try {
            $strict = Invoke-XUnit -Target 'tests/PSC8.Module.Tests' -Folder 'xunit-strict' -NoBuild
            $suites.Add([pscustomobject]@{ Suite = 'xUnit PSC8.Module.Tests (strict API)'; Passed = $strict.Passed; Failed = $strict.Failed })
            Add-ModuleSuites -Suites $suites -Label ' (strict API)'
        }
        finally {
            Remove-Item Env:C8LOCAL_STRICT_API -ErrorAction SilentlyContinue
        }
        Write-Host "The strict API run took $([int]$strictWatch.Elapsed.TotalSeconds) s."

        $suites | Format-Table -AutoSize | Out-String | Write-Host
        $passed = ($suites | Measure-Object -Property Passed -Sum).Sum
        $failed = ($suites | Measure-Object -Property Failed -Sum).Sum
        Write-Host "$passed passed, $failed failed"
        if ($failed -gt 0) {
            exit 1
        }
    }
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Module' { Invoke-ModuleTask }
    'Package' { Invoke-PackageTask }
    'Help' { Invoke-HelpTask }
    'Pester' { Invoke-PesterTask }
    'Demo' { Invoke-DemoTask }
    { $_ -in 'Test', 'All' } { Invoke-TestTask }
}
