# Helpers for the Pester suite and build.ps1's demo: start C8 Local as a child process on free ports and stop it.
Set-StrictMode -Version Latest

$script:RepositoryRoot = Split-Path -Parent $PSScriptRoot

function Get-C8LocalPath {
    <#
    .SYNOPSIS
    The built c8local.dll: $env:PSC8_C8LOCAL_PATH, else the Release build in the repository.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if ($env:PSC8_C8LOCAL_PATH) {
        return $env:PSC8_C8LOCAL_PATH
    }
    Join-Path $script:RepositoryRoot 'src/PSC8.Server/bin/Release/net10.0/c8local.dll'
}

function Get-PSC8ModulePath {
    <#
    .SYNOPSIS
    The built module's manifest: $env:PSC8_MODULE_PATH, else the newest out/PSC8/<version>/PSC8.psd1.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if ($env:PSC8_MODULE_PATH) {
        return $env:PSC8_MODULE_PATH
    }
    $manifests = @(Get-ChildItem -Path (Join-Path $script:RepositoryRoot 'out/PSC8') -Filter 'PSC8.psd1' -Recurse -ErrorAction SilentlyContinue |
            Sort-Object { [version]$_.Directory.Name } -Descending)
    if ($manifests.Count -eq 0) {
        throw "No built module under out/PSC8; run ./build.ps1 -Task Module first."
    }
    $manifests[0].FullName
}

function Start-C8Local {
    <#
    .SYNOPSIS
    Starts C8 Local in memory on free loopback ports and returns its regions' URLs and root credential.
    .DESCRIPTION
    Runs "dotnet c8local.dll --port 0 --in-memory --root-password <generated>" and waits for the line
    "C8 Local ready: name=url ..." on its standard output. Stop it with Stop-C8Local. With $env:PSC8_STRICT_API
    set to 1 (build.ps1 -Task Test's second run) it adds --strict-api, so the suites prove the module sends only what
    GDN's published API defines.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string] $Path = (Get-C8LocalPath),

        [string[]] $ArgumentList = @(),

        [ValidateRange(1, 600)]
        [int] $TimeoutSec = 60
    )

    if (-not (Test-Path -LiteralPath $Path)) {
        throw "c8local.dll not found at '$Path'; build the solution first (./build.ps1 -Task Build)."
    }

    # A throwaway password for a server that keeps nothing and listens on loopback only.
    $password = 'pw-' + [guid]::NewGuid().ToString('N')
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $strict = if ($env:PSC8_STRICT_API -eq '1') { @('--strict-api') } else { @() }
    foreach ($argument in @($Path, '--port', '0', '--in-memory', '--root-password', $password) + $strict + $ArgumentList) {
        $startInfo.ArgumentList.Add($argument)
    }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)

    $regions = [ordered]@{}
    try {
        $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSec)
        while ($regions.Count -eq 0) {
            $read = $process.StandardOutput.ReadLineAsync()
            $left = $deadline - [datetime]::UtcNow
            if ($left -le [timespan]::Zero -or -not $read.Wait($left)) {
                throw "C8 Local did not report ready within $TimeoutSec s."
            }
            $line = $read.Result
            if ($null -eq $line) {
                $process.WaitForExit()
                throw "C8 Local exited with code $($process.ExitCode) before it was ready."
            }
            if ($line -match '^C8 Local ready: (?<regions>.+)$') {
                foreach ($pair in $Matches.regions -split ' ') {
                    $name, $url = $pair -split '=', 2
                    $regions[$name] = $url
                }
            }
        }
    }
    catch {
        if (-not $process.HasExited) {
            $process.Kill($true)
        }
        $process.Dispose()
        throw
    }

    # Keep draining standard output in the background so the server never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()

    $secure = ConvertTo-SecureString -String $password -AsPlainText -Force
    [pscustomobject]@{
        PSTypeName = 'PSC8.Tests.C8LocalServer'
        Process    = $process
        Regions    = $regions
        GlobalUrl  = @($regions.Values)[0]
        Credential = [pscredential]::new('root@c8.local', $secure)
    }
}

function Stop-C8Local {
    <#
    .SYNOPSIS
    Stops a C8 Local started by Start-C8Local.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [pscustomobject] $Server
    )

    process {
        $process = $Server.Process
        if (-not $process.HasExited) {
            $process.Kill($true)
            $null = $process.WaitForExit(10000)
        }
        $process.Dispose()
    }
}

function New-C8TestName {
    <#
    .SYNOPSIS
    A fabric, collection or key name no other test run uses.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [string] $Prefix = 'pester'
    )

    '{0}_{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 10)
}

Export-ModuleMember -Function Get-C8LocalPath, Get-PSC8ModulePath, Start-C8Local, Stop-C8Local, New-C8TestName
