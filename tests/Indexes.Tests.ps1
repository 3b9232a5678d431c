#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3.0' }

# The index cmdlets against a C8 Local started for this file. Run through ./build.ps1 -Task Pester.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PSC8.TestHelpers.psm1') -Force
    Import-Module (Get-PSC8ModulePath) -Force
    $script:Server, $script:Fabric = Start-C8TestServer -FabricPrefix ixfab
    $PSDefaultParameterValues['*-C8Index:Fabric'] = $script:Fabric
    $PSDefaultParameterValues['New-C8Collection:Fabric'] = $script:Fabric
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-C8Index:Fabric')
    $PSDefaultParameterValues.Remove('New-C8Collection:Fabric')
    Stop-C8TestServer -Server $script:Server -Fabric $script:Fabric
}

Describe 'Indexes' {
    It 'creates, lists and removes indexes' {
        New-C8Collection -Name orders | Out-Null
        $index = New-C8Index -Collection orders -Field customer, placed -Name byCustomer -PassThru
        $index.IsNewlyCreated | Should -BeTrue
        New-C8Index -Collection orders -Type Ttl -Field expires -ExpireAfter 60 -Name byExpiry

        (New-C8Index -Collection orders -Field customer, placed -Name byCustomer -PassThru).IsNewlyCreated | Should -BeFalse
        @(Get-C8Index -Collection orders).Name | Should -Be @('primary', 'byCustomer', 'byExpiry')
        (Get-C8Index -Collection orders -Name byE*).ExpireAfter | Should -Be 60

        Get-C8Index -Collection orders -Name by* | Remove-C8Index -Force
        @(Get-C8Index -Collection orders).Name | Should -Be @('primary')
    }

    It 'reports an unknown index and sends nothing under -WhatIf' {
        New-C8Collection -Name kept | Out-Null
        New-C8Index -Collection kept -Field a -Name byA
        Remove-C8Index -Collection kept -Name byA -WhatIf
        New-C8Index -Collection kept -Field b -Name byB -WhatIf
        @(Get-C8Index -Collection kept).Name | Should -Be @('primary', 'byA')

        Remove-C8Index -Collection kept -Name nosuch -Force -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'C8.IndexNotFound*'
    }
}
