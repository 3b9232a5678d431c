#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3.0' }

# The README's tour, run as written against a C8 Local started for this file: only the addresses of the regions and
# the module's path are those of this run, and Get-Credential answers with the server's root credential.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PSC8.TestHelpers.psm1') -Force
    Import-Module (Get-PSC8ModulePath) -Force
    $script:Server = Start-C8Local
    $readme = Get-Content -Raw -Path (Join-Path (Split-Path -Parent $PSScriptRoot) 'README.md')
    if ($readme -notmatch '(?s)<!-- The tour:[^\n]*-->\s*```powershell\n(?<tour>.*?)\n```') {
        throw 'README.md has no tour block.'
    }
    $regions = @($script:Server.Regions.Values)
    $script:Tour = $Matches.tour.
        Replace('./out/PSC8/0.1.0/PSC8.psd1', (Get-PSC8ModulePath)).
        Replace('http://127.0.0.1:8529', $regions[0]).
        Replace('http://127.0.0.1:8530', $regions[1])
    $script:Folder = Join-Path ([System.IO.Path]::GetTempPath()) ('psc8-tour-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $script:Folder
    @'
_key,name,balance
1,Ann,250
2,Bob,99
3,Cid,1000
4,Dee,5
5,Eve,150
'@ | Set-Content -Path (Join-Path $script:Folder 'accounts.csv')
}

AfterAll {
    if (Get-Module PSC8) {
        Get-C8Connection -All | Disconnect-C8
    }
    if ($script:Server) {
        $script:Server | Stop-C8Local
    }
    Remove-Item -Path $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The README tour' {
    It 'runs as written and each step gives what the README says' {
        $credential = $script:Server.Credential
        function Get-Credential { $credential }
        Push-Location $script:Folder
        try {
            $output = @(& ([scriptblock]::Create($script:Tour)) 3>&1)
        }
        finally {
            Pop-Location
        }

        $rows = @($output | Where-Object { $_.PSObject.TypeNames -contains 'PSC8.Document' })
        # The query: balances above 100, compared as numbers (text would let '99' and '5' through).
        $rich = @($rows | Where-Object { $_.balance -gt 100 })
        # The query and the RestQL run (top three) both return these.
        ($rich._key | Sort-Object -Unique) -join ',' | Should -Be '1,3,5'
        $rows | Where-Object { [decimal]$_.balance -le 100 } | Should -BeNullOrEmpty
        (Get-C8Connection | Where-Object IsDefault).Authentication | Should -Be 'ApiKey'
        # The RestQL run and the clean-up of small balances.
        $remaining = @(Get-C8Document accounts)
        ($remaining._key | Sort-Object) -join ',' | Should -Be '1,2,3,5'
        $remaining | ForEach-Object { $_.balance | Should -Not -BeOfType [string] }
    }
}
