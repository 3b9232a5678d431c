#Requires -Version 7.0
<#
.SYNOPSIS
Builds, packages, tests and demonstrates PSC8.

.DESCRIPTION
Build   dotnet build of the solution (Release).
Module  assembles out/PSC8/<version>/: the manifest, PSC8.dll, PSC8.Client.dll, the runtime dependencies Windows
        PowerShell lacks, the format file and the en-US help, exactly as the manifest's FileList says.
Test    the README's test command (dotnet test PSC8.sln -c Release), then the Pester suite.
Pester  Invoke-Pester on tests/*.Tests.ps1 against the built module (the tests start their own C8 Local).
Demo    builds the module, starts C8 Local on free ports, runs examples/SpotCollections.ps1 twice in a row against
        it, and stops the server.
All     all of the above.

.EXAMPLE
pwsh ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Module', 'Test', 'Pester', 'Demo', 'All')]
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
            $source = if ($file -eq 'PSC8.psd1') {
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

function Invoke-PesterTask {
    Invoke-ModuleTask
    Invoke-Step Pester {
        $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -GE ([version]'5.3.0') | Sort-Object Version -Descending | Select-Object -First 1
        if (-not $pester) {
            throw 'Pester 5.3 or later is needed: Install-Module Pester -MinimumVersion 5.3.0 -Scope CurrentUser'
        }
        Import-Module $pester -Force

        $env:PSC8_MODULE_PATH = $ModuleManifest
        $env:PSC8_C8LOCAL_PATH = $ServerAssembly
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = @(Get-ChildItem -Path (Join-Path $Root 'tests') -Filter '*.Tests.ps1').FullName
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'Detailed'
        $result = Invoke-Pester -Configuration $configuration
        if ($result.Result -ne 'Passed') {
            throw "Pester: $($result.FailedCount) failed, $($result.PassedCount) passed."
        }
    }
}

function Invoke-TestTask {
    Invoke-Step Test {
        # The README's test command, as written.
        Invoke-DotNet test (Join-Path $Root 'PSC8.sln') -c $Configuration
    }
    Invoke-PesterTask
}

function Invoke-DemoTask {
    Invoke-ModuleTask
    Invoke-Step Demo {
        Import-Module (Join-Path $Root 'tests/PSC8.TestHelpers.psm1') -Force
        Import-Module $ModuleManifest -Force
        $server = Start-C8Local -Path $ServerAssembly
        try {
            $regions = @($server.Regions.Values)
            Write-Host "C8 Local: $(($server.Regions.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ' ')"
            $example = Join-Path $Root 'examples/SpotCollections.ps1'
            foreach ($run in 1, 2) {
                Write-Host "== Demo run $run of 2: examples/SpotCollections.ps1" -ForegroundColor Cyan
                & $example -Url $regions[0] -RegionUrl $regions[1..($regions.Count - 1)] -Credential $server.Credential
            }
        }
        finally {
            $server | Stop-C8Local
        }
    }
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Module' { Invoke-ModuleTask }
    'Test' { Invoke-TestTask }
    'Pester' { Invoke-PesterTask }
    'Demo' { Invoke-DemoTask }
    'All' {
        Invoke-ModuleTask
        Invoke-TestTask
        Invoke-DemoTask
    }
}
