#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3.0' }

# The key-value cmdlets and Get-C8Version against a C8 Local started for this file. Run through ./build.ps1 -Task Pester.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PSC8.TestHelpers.psm1') -Force
    Import-Module (Get-PSC8ModulePath) -Force
    $script:Server, $script:Fabric = Start-C8TestServer -FabricPrefix kvfab
    $PSDefaultParameterValues['*-C8KeyValue*:Fabric'] = $script:Fabric
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-C8KeyValue*:Fabric')
    Stop-C8TestServer -Server $script:Server -Fabric $script:Fabric
}

Describe 'Key-value collections' {
    It 'stores, reads, pages and removes pairs' {
        $collection = New-C8KeyValueCollection -Name settings
        $collection.Expiration | Should -BeFalse
        Set-C8KeyValue -Collection settings -Key theme -Value dark
        1..120 | ForEach-Object { [pscustomobject]@{ Key = 'k{0:d3}' -f $_; Value = $_ } } | Set-C8KeyValue -Collection settings

        (Get-C8KeyValue -Collection settings -Key theme).Value | Should -Be 'dark'
        @(Get-C8KeyValue -Collection settings).Count | Should -Be 121
        @(Get-C8KeyValue -Collection settings | Select-Object -First 2).Key | Should -Be @('k001', 'k002')

        Get-C8KeyValue -Collection settings -Key k001, k002 | Remove-C8KeyValue -Force
        @(Get-C8KeyValue -Collection settings).Count | Should -Be 119
    }

    It 'leaves out pairs that expired' {
        New-C8KeyValueCollection -Name sessions -Expiration | Out-Null
        Set-C8KeyValue -Collection sessions -Key live -Value 1 -ExpireAt (Get-Date).AddHours(1)
        Set-C8KeyValue -Collection sessions -Key dead -Value 2 -ExpireAt (Get-Date).AddMinutes(-1)
        @(Get-C8KeyValue -Collection sessions).Key | Should -Be @('live')
        Get-C8KeyValue -Collection sessions -Key dead -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'C8.KeyValueNotFound*'
    }

    It 'sends nothing under -WhatIf' {
        Set-C8KeyValue -Collection settings -Key whatif -Value 1 -WhatIf
        Remove-C8KeyValue -Collection settings -Key theme -WhatIf
        Get-C8KeyValue -Collection settings -Key whatif -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-C8KeyValue -Collection settings -Key theme).Value | Should -Be 'dark'
    }
}

Describe 'Get-C8Version' {
    It 'names the server' {
        $version = Get-C8Version -Detailed
        $version.Server | Should -Be 'C8DB'
        # A strict C8 Local (the test run's second pass) advertises no extension; a normal one offers overwriteMode.
        $expected = if ($env:C8LOCAL_STRICT_API -eq '1') { $null } else { 'supported' }
        $offered = if ($version.Details.ContainsKey('overwriteMode')) { $version.Details['overwriteMode'] } else { $null }
        $offered | Should -Be $expected
    }
}
