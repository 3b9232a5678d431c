# Helpers for the Pester suites: the built module to test, names no other run uses, and the setup and teardown of a suite's server. (C8 Local is started with the
# module's own Start-C8Local, which finds the server build.ps1 names in $env:PSC8_C8LOCAL_PATH.)
Set-StrictMode -Version Latest

$script:RepositoryRoot = Split-Path -Parent $PSScriptRoot

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

function Start-C8TestServer {
    <#
    .SYNOPSIS
    A suite's setup: starts a C8 Local, connects to it and creates a fabric with a fresh name; outputs the server,
    then the fabric's name. If connecting or creating fails, the server is stopped again before the error goes on.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $FabricPrefix
    )

    $server = Start-C8Local
    $fabric = New-C8TestName $FabricPrefix
    try {
        Connect-C8 -Url $server.Url -Credential $server.Credential | Out-Null
        New-C8Fabric -Name $fabric | Out-Null
    }
    catch {
        Stop-C8TestServer -Server $server
        throw
    }
    $server
    $fabric
}

function Stop-C8TestServer {
    <#
    .SYNOPSIS
    A suite's teardown: removes its fabric (when named), closes every connection and stops its C8 Local; safe to
    call when BeforeAll failed half-way.
    #>
    [CmdletBinding()]
    param(
        [object] $Server,
        [string] $Fabric
    )

    if (Get-Module PSC8) {
        if ($Fabric) {
            Remove-C8Fabric -Name $Fabric -Force -ErrorAction SilentlyContinue
        }
        Get-C8Connection -All | Disconnect-C8
    }
    if ($Server) {
        $Server | Stop-C8Local
    }
}

Export-ModuleMember -Function Get-PSC8ModulePath, New-C8TestName, Start-C8TestServer, Stop-C8TestServer
