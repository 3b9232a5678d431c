#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3.0' }

# Start-C8Local and Stop-C8Local as a CI script uses them: started, used and stopped in try/finally; and a server
# whose PowerShell process ends without Stop-C8Local does not outlive it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PSC8.TestHelpers.psm1') -Force
    $script:ModuleManifest = Get-PSC8ModulePath
    Import-Module $script:ModuleManifest -Force
}

Describe 'Start-C8Local in a CI script' {
    It 'starts, serves and stops in try/finally, with a clean exit' {
        $server = Start-C8Local
        try {
            $server | Connect-C8 | Out-Null
            $fabric = New-C8TestName 'ci'
            New-C8Fabric -Name $fabric -Region @($server.Regions.Keys) | Out-Null
            (Get-C8Fabric -Name $fabric).Name | Should -Be $fabric
        }
        finally {
            Get-C8Connection -All | Disconnect-C8
            $server | Stop-C8Local
        }
        $server.HasExited | Should -BeTrue
        $server.ExitCode | Should -Be 0
    }

    It 'stops when the PowerShell that started it ends without Stop-C8Local' {
        $id = & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command "Import-Module '$script:ModuleManifest'; (Start-C8Local -Region solo).ProcessId"
        $LASTEXITCODE | Should -Be 0

        $deadline = [datetime]::UtcNow.AddSeconds(10)
        while ((Get-Process -Id $id -ErrorAction SilentlyContinue) -and [datetime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 100
        }
        Get-Process -Id $id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
