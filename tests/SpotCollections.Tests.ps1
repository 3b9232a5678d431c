#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3.0' }

# examples/SpotCollections.ps1, the documented spot-collection flow, run twice in a row against a C8 Local started
# for this file: the second run finds what the first left behind (and what it cleaned up) and must still succeed.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PSC8.TestHelpers.psm1') -Force
    Import-Module (Get-PSC8ModulePath) -Force
    $script:Server = Start-C8Local
    $script:Example = Join-Path (Split-Path -Parent $PSScriptRoot) 'examples/SpotCollections.ps1'
}

AfterAll {
    Stop-C8TestServer -Server $script:Server
}

Describe 'The documented spot-collection flow' {
    It 'runs twice in a row and leaves nothing behind' {
        $regions = @($script:Server.Regions.Values)
        $fabric = New-C8TestName 'spot'
        $key = New-C8TestName 'demo'
        foreach ($run in 1, 2) {
            { & $script:Example -Url $regions[0] -RegionUrl $regions[1..($regions.Count - 1)] -Credential $script:Server.Credential -FabricName $fabric -KeyId $key 6>$null } |
                Should -Not -Throw -Because "run $run must succeed"
        }

        $admin = Connect-C8 -Url $script:Server.Url -Credential $script:Server.Credential
        Get-C8Fabric -Name $fabric -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-C8ApiKey -KeyId $key -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-C8Connection -All | Should -Be $admin -Because 'the example closes every connection it opened'
    }

    It 'refuses a collection of that name that is not a spot collection' {
        $fabric = New-C8TestName 'spot'
        $key = New-C8TestName 'demo'
        Connect-C8 -Url $script:Server.Url -Credential $script:Server.Credential | Out-Null
        New-C8Fabric -Name $fabric -SpotDc eu-central | Out-Null
        New-C8Collection -Name accounts -Fabric $fabric | Out-Null
        try {
            { & $script:Example -Url @($script:Server.Regions.Values)[0] -Credential $script:Server.Credential -FabricName $fabric -KeyId $key 6>$null } |
                Should -Throw -ExpectedMessage '*is not a spot collection*'
        }
        finally {
            Connect-C8 -Url $script:Server.Url -Credential $script:Server.Credential | Out-Null
            Remove-C8Fabric -Name $fabric -Force
            Remove-C8ApiKey -KeyId $key -ErrorAction SilentlyContinue
        }
    }
}
