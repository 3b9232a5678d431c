#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3.0' }

# The PSC8 cmdlets against a C8 Local started for this run. Every test creates uniquely named fabrics,
# collections and keys and removes them again. Run through ./build.ps1 -Task Pester (it builds the module first).

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'PSC8.TestHelpers.psm1') -Force
    Import-Module (Get-PSC8ModulePath) -Force
    $CmdletNames = (Get-Command -Module PSC8).Name
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PSC8.TestHelpers.psm1') -Force
    $script:ModuleManifest = Get-PSC8ModulePath
    Import-Module $script:ModuleManifest -Force
    $script:Server = Start-C8Local
    $script:Credential = $script:Server.Credential
    $script:Password = $script:Credential.GetNetworkCredential().Password

    function script:Connect-Root {
        Connect-C8 -Url $script:Server.Url -Credential $script:Credential
    }

    # The requests a command sends, from the lines it logs to Verbose: "METHOD /path -> status in N ms".
    function script:Get-RequestLine {
        param([Parameter(Mandatory)] [scriptblock] $Command)
        $VerbosePreference = 'Continue'
        @(& $Command 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message |
                Where-Object { $_ -match '^(GET|POST|PUT|PATCH|DELETE|HEAD) /' })
    }
}

AfterAll {
    Stop-C8TestServer -Server $script:Server
}

Describe 'The module' {
    It 'exports exactly the cmdlets the manifest lists' {
        $manifest = Import-PowerShellDataFile -Path $script:ModuleManifest
        $exported = (Get-Command -Module PSC8).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        (Get-Command -Module PSC8 -CommandType Function, Alias) | Should -BeNullOrEmpty
    }

    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $script:ModuleManifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'ships no System.Management.Automation.dll' {
        Join-Path (Split-Path $script:ModuleManifest) 'System.Management.Automation.dll' | Should -Not -Exist
    }

    It 'has help with a synopsis, every parameter and an example for <_>' -ForEach $CmdletNames {
        $help = Get-Help -Name $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\w+-C8\w*\s*\['
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        $common = @([System.Management.Automation.Cmdlet]::CommonParameters) + @([System.Management.Automation.Cmdlet]::OptionalCommonParameters)
        # Hidden parameters (DontShow) are plumbing, not something a user passes: help leaves them out.
        $shown = (Get-Command $_).Parameters.Values | Where-Object {
            $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
        }
        foreach ($parameter in $shown.Name) {
            $documented = $help.Parameters.Parameter | Where-Object Name -EQ $parameter
            $documented | Should -Not -BeNullOrEmpty -Because "-$parameter needs help"
            ($documented.Description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }
}

Describe 'Connections' {
    BeforeEach {
        Get-C8Connection -All | Disconnect-C8
    }

    It 'refuses to work without a connection and says to run Connect-C8' {
        { Get-C8Fabric } | Should -Throw -ErrorId 'C8.NotConnected,PSC8.Commands.GetC8FabricCommand'
        { Get-C8Fabric } | Should -Throw -ExpectedMessage '*Connect-C8*'
    }

    It 'returns the connection and makes it the default, showing no secret' {
        $connection = Connect-Root
        $connection | Should -BeOfType ([PSC8.C8Session])
        $connection.IsDefault | Should -BeTrue
        $connection.Region | Should -Be 'us-west'
        (Get-C8Connection).Id | Should -Be $connection.Id
        ($connection | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($script:Password))
        ($connection | ConvertTo-Json -Depth 5) | Should -Not -Match ([regex]::Escape($script:Password))
        ($connection | ConvertTo-Json -Depth 5) | Should -Not -Match 'eyJ'
    }

    It 'keeps connections to every region side by side' {
        $default = Connect-Root
        $regional = foreach ($name in @($script:Server.Regions.Keys)[1..2]) {
            Connect-C8 -Url $script:Server.Regions[$name] -Credential $script:Credential -KeepDefault
        }
        $regional.Region | Should -Be @('eu-central', 'ap-south')
        (Get-C8Connection).Id | Should -Be $default.Id
        (Get-C8Region -Local -Connection $regional[0]).Name | Should -Be 'eu-central'
        @(Get-C8Connection -All).Count | Should -Be 3
    }

    It 'stops with a security error when the password is wrong' {
        $wrong = [pscredential]::new('root@c8.local', (ConvertTo-SecureString 'wrong-password' -AsPlainText -Force))
        { Connect-C8 -Url $script:Server.Url -Credential $wrong } | Should -Throw -ErrorId 'C8.AuthenticationFailed,PSC8.Commands.ConnectC8Command'
    }

    It 'redacts secrets in verbose output' {
        $lines = Get-RequestLine { Connect-Root | Out-Null; Get-C8Region | Out-Null }
        $lines | Should -Not -BeNullOrEmpty
        ($lines -join "`n") | Should -Not -Match ([regex]::Escape($script:Password))
    }

    It 'closes the default and then needs a new connection' {
        Connect-Root | Out-Null
        Disconnect-C8
        Get-C8Connection | Should -BeNullOrEmpty
        { Get-C8Collection } | Should -Throw -ErrorId 'C8.NotConnected,*'
    }
}

Describe 'Regions and fabrics' {
    BeforeAll {
        Connect-Root | Out-Null
        $script:Fabric = New-C8TestName 'fab'
    }

    AfterAll {
        Remove-C8Fabric -Name $script:Fabric -Force -ErrorAction SilentlyContinue
    }

    It 'lists regions with their spot-capable flag and filters by wildcard' {
        $regions = Get-C8Region
        $regions.Name | Should -Be @('us-west', 'eu-central', 'ap-south')
        $regions | ForEach-Object { $_.IsSpotCapable | Should -BeTrue }
        (Get-C8Region -Name 'EU*').Name | Should -Be 'eu-central'
    }

    It 'creates a fabric with the spot region asked for' {
        $fabric = New-C8Fabric -Name $script:Fabric -Region us-west, eu-central -SpotDc eu-central -Metadata @{ owner = 'pester' }
        $fabric.SpotRegion | Should -Be 'eu-central'
        (Get-C8Fabric -Name ($script:Fabric.ToUpperInvariant())).Name | Should -Be $script:Fabric
        $fabric = Get-C8Fabric -Name $script:Fabric | Set-C8Fabric -Metadata @{ team = 'db' } -Merge -PassThru
        $fabric.Metadata.GetProperty('owner').GetString() | Should -Be 'pester'
    }

    It 'refuses a spot region that contradicts -SpotCreationType' {
        { New-C8Fabric -Name (New-C8TestName) -SpotCreationType None -SpotDc eu-central -ErrorAction Stop } | Should -Throw -ErrorId 'C8.SpotRegionConflict,*'
    }

    It 'reports a missing fabric by name as not found' {
        { Get-C8Fabric -Name 'no_such_fabric' -ErrorAction Stop } | Should -Throw -ErrorId 'C8.FabricNotFound,PSC8.Commands.GetC8FabricCommand'
        Get-C8Fabric -Name 'no_such_*' | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        $name = New-C8TestName 'whatif'
        $requests = Get-RequestLine { New-C8Fabric -Name $name -WhatIf }
        $requests | Should -BeNullOrEmpty
        Get-C8Fabric -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $requests = Get-RequestLine { Remove-C8Fabric -Name $script:Fabric -WhatIf }
        $requests | Should -BeNullOrEmpty
        Get-C8Fabric -Name $script:Fabric | Should -Not -BeNullOrEmpty
    }
}

Describe 'Collections' {
    BeforeAll {
        Connect-Root | Out-Null
        $script:Prefix = New-C8TestName 'tmp'
        $script:NoSpot = New-C8TestName 'nospot'
        New-C8Fabric -Name $script:NoSpot -SpotCreationType None | Out-Null
    }

    AfterAll {
        Get-C8Collection -Name "$($script:Prefix)*" | Remove-C8Collection -Force
        Remove-C8Fabric -Name $script:NoSpot -Force -ErrorAction SilentlyContinue
    }

    It 'creates spot and local collections and shows their flags and counts' {
        $spot = New-C8Collection -Name "$($script:Prefix)_spot" -Spot
        $local = New-C8Collection -Name "$($script:Prefix)_local" -Local
        $spot.IsSpot | Should -BeTrue
        $local.IsLocal | Should -BeTrue
        @{ n = 1 }, @{ n = 2 } | Add-C8Document -Collection $spot.Name
        (Get-C8Collection -Name $spot.Name).Count | Should -Be 2
    }

    It 'binds Get-C8Collection output to Remove-C8Collection' {
        'a', 'b', 'c' | ForEach-Object { New-C8Collection -Name "$($script:Prefix)_pipe_$_" } | Out-Null
        @(Get-C8Collection -Name "$($script:Prefix)_pipe_*").Count | Should -Be 3
        Get-C8Collection -Name "$($script:Prefix)_pipe_*" | Remove-C8Collection -Force
        Get-C8Collection -Name "$($script:Prefix)_pipe_*" | Should -BeNullOrEmpty
    }

    It 'binds collection names from the pipeline too' {
        "$($script:Prefix)_n1", "$($script:Prefix)_n2" | New-C8Collection | Out-Null
        "$($script:Prefix)_n1", "$($script:Prefix)_n2" | Remove-C8Collection -Force
        Get-C8Collection -Name "$($script:Prefix)_n*" | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        $name = "$($script:Prefix)_kept"
        New-C8Collection -Name $name | Out-Null
        @{ n = 1 }, @{ n = 2 } | Add-C8Document -Collection $name
        Get-RequestLine { Clear-C8Collection -Name $name -WhatIf } | Should -BeNullOrEmpty
        Get-RequestLine { Remove-C8Collection -Name $name -WhatIf } | Should -BeNullOrEmpty
        Get-RequestLine { New-C8Collection -Name "$($script:Prefix)_never" -WhatIf } | Should -BeNullOrEmpty
        (Get-C8Collection -Name $name).Count | Should -Be 2
        Get-C8Collection -Name "$($script:Prefix)_never" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'clears a collection with -Force and returns it with -PassThru' {
        $name = "$($script:Prefix)_clear"
        New-C8Collection -Name $name | Out-Null
        1..3 | ForEach-Object { @{ n = $_ } } | Add-C8Document -Collection $name
        (Clear-C8Collection -Name $name -Force -PassThru).Count | Should -Be 0
    }

    It 'reports errors with stable ids and categories' {
        $name = "$($script:Prefix)_dup"
        New-C8Collection -Name $name | Out-Null
        { New-C8Collection -Name $name -ErrorAction Stop } | Should -Throw -ErrorId 'C8.DuplicateName,PSC8.Commands.NewC8CollectionCommand'
        { Get-C8Collection -Name "$($script:Prefix)_missing" -ErrorAction Stop } | Should -Throw -ErrorId 'C8.CollectionNotFound,PSC8.Commands.GetC8CollectionCommand'
        { Remove-C8Collection -Name "$($script:Prefix)_missing" -Force -ErrorAction Stop } | Should -Throw -ErrorId 'C8.CollectionNotFound,PSC8.Commands.RemoveC8CollectionCommand'
        { New-C8Collection -Name 'accounts' -Fabric $script:NoSpot -Spot -ErrorAction Stop } | Should -Throw -ErrorId 'C8.BadParameter,*'
        { New-C8Collection -Name x -Spot -Local -ErrorAction Stop } | Should -Throw -ErrorId 'C8.SpotAndLocal,*'

        New-C8Collection -Name $name -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].TargetObject | Should -Be $name
        $failures[0].Exception.ErrorNum | Should -Be 1207
    }
}

Describe 'Documents' {
    BeforeAll {
        Connect-Root | Out-Null
        $script:Docs = New-C8TestName 'docs'
        New-C8Collection -Name $script:Docs | Out-Null
        $script:Accounts = @(
            @{ _key = '1'; firstname = 'Peter'; lastname = 'Parker'; City = 'NewYork' }
            [pscustomobject]@{ _key = '2'; firstname = 'Bruce'; lastname = 'Wayne'; City = 'Gotham' }
            '{"_key":"3","firstname":"Clark","lastname":"Kent","City":"Manhatten"}'
            @{ _key = '4'; firstname = 'Ned'; lastname = 'Stark'; City = 'Winterfell'; address = @{ street = 'Castle'; tags = @('north', 'cold') } }
            [pscustomobject]@{ _key = '5'; firstname = 'Tywin'; lastname = 'Lannister'; City = 'Kings Landing' }
        )
    }

    AfterAll {
        Remove-C8Collection -Name $script:Docs -Force -ErrorAction SilentlyContinue
    }

    It 'inserts hashtables, objects and JSON text, and Ignore avoids duplicates' {
        $script:Accounts | Add-C8Document -Collection $script:Docs -OverwriteMode Ignore -ErrorVariable first
        $script:Accounts | Add-C8Document -Collection $script:Docs -OverwriteMode Ignore -ErrorVariable second
        $first | Should -BeNullOrEmpty
        $second | Should -BeNullOrEmpty
        (Get-C8Collection -Name $script:Docs).Count | Should -Be 5
    }

    It 'reports each duplicate as a non-terminating error about its input' {
        $script:Accounts | Add-C8Document -Collection $script:Docs -BatchSize 2 -ErrorAction SilentlyContinue -ErrorVariable duplicates
        $duplicates.Count | Should -Be 5
        $duplicates[0].FullyQualifiedErrorId | Should -BeLike 'C8.DuplicateKey,*'
        $duplicates[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $duplicates[0].TargetObject | Should -Be $script:Accounts[0]
    }

    It 'returns documents as typed objects with nested objects and arrays' {
        $doc = Get-C8Document -Collection $script:Docs -Key 4
        $doc.PSObject.TypeNames[0] | Should -Be 'PSC8.Document'
        $doc._key | Should -Be '4'
        $doc._id | Should -Be "$($script:Docs)/4"
        $doc._rev | Should -Not -BeNullOrEmpty
        $doc.address.street | Should -Be 'Castle'
        $doc.address.tags | Should -Be @('north', 'cold')
        (Get-C8Document -Collection $script:Docs -Key 4 -AsJson | ConvertFrom-Json).address.street | Should -Be 'Castle'
    }

    It 'takes keys from the pipeline, also from documents' {
        ('1', '2' | Get-C8Document -Collection $script:Docs).firstname | Should -Be @('Peter', 'Bruce')
        (Get-C8Document $script:Docs 3 | Get-C8Document $script:Docs).firstname | Should -Be 'Clark'
    }

    It 'merges, replaces and checks revisions' {
        $doc = Get-C8Document $script:Docs 2
        (Set-C8Document $script:Docs -Key 2 -InputObject @{ City = 'Gotham City' } -PassThru).City | Should -Be 'Gotham City'
        { Set-C8Document $script:Docs -Key 2 -InputObject @{ City = 'X' } -Revision $doc._rev -ErrorAction Stop } | Should -Throw -ErrorId 'C8.PreconditionFailed,*'
        $doc = Get-C8Document $script:Docs 2
        $doc.lastname = 'Wayne Jr.'
        $replaced = $doc | Set-C8Document $script:Docs -Replace -Revision $doc._rev -PassThru
        $replaced.lastname | Should -Be 'Wayne Jr.'
    }

    It 'removes documents by key and reports missing ones' {
        Get-C8Document $script:Docs 5 | Remove-C8Document $script:Docs
        Remove-C8Document $script:Docs -Key 'missing' -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'C8.DocumentNotFound,*'
        { Get-C8Document $script:Docs 5 -ErrorAction Stop } | Should -Throw -ErrorId 'C8.DocumentNotFound,PSC8.Commands.GetC8DocumentCommand'
    }

    It 'sends nothing with -WhatIf' {
        Get-RequestLine { @{ _key = 'w' } | Add-C8Document $script:Docs -WhatIf } | Should -BeNullOrEmpty
        Get-RequestLine { Remove-C8Document $script:Docs -Key 1 -WhatIf } | Should -BeNullOrEmpty
        Get-C8Document $script:Docs 1 | Should -Not -BeNullOrEmpty
    }

    It 'refuses input that is not a document' {
        42 | Add-C8Document $script:Docs -ErrorAction SilentlyContinue -ErrorVariable bad
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'C8.InvalidDocument,*'
        $bad[0].TargetObject | Should -Be 42
    }
}

Describe 'Queries' {
    BeforeAll {
        Connect-Root | Out-Null
        $script:Rows = New-C8TestName 'rows'
        New-C8Collection -Name $script:Rows | Out-Null
        1..250 | ForEach-Object { @{ _key = "k$_"; n = $_ } } | Add-C8Document -Collection $script:Rows -BatchSize 100
        $script:Worker = New-C8TestName 'read'
    }

    AfterAll {
        Remove-C8RestQL -Name $script:Worker -ErrorAction SilentlyContinue
        Remove-C8Collection -Name $script:Rows -Force -ErrorAction SilentlyContinue
    }

    It 'follows the cursor to the last page' {
        @(Invoke-C8Query "FOR d IN $($script:Rows) RETURN d" -BatchSize 20).Count | Should -Be 250
    }

    It 'stops fetching pages when the pipeline stops' {
        $requests = Get-RequestLine { Invoke-C8Query "FOR d IN $($script:Rows) RETURN d" -BatchSize 10 | Select-Object -First 1 }
        @($requests | Where-Object { $_ -match '^POST /\S*/cursor' }).Count | Should -Be 1
        @($requests | Where-Object { $_ -match '^PUT /\S*/cursor/' }).Count | Should -Be 0
        @(Invoke-C8Query "FOR d IN $($script:Rows) RETURN d" -BatchSize 10 | Select-Object -First 1).Count | Should -Be 1
    }

    It 'fills bind variables from a hashtable' {
        $row = Invoke-C8Query 'FOR d IN @@coll FILTER d.n == @n RETURN d' -BindVariable @{ '@coll' = $script:Rows; n = 42 }
        $row._key | Should -Be 'k42'
        $row.PSObject.TypeNames[0] | Should -Be 'PSC8.Document'
    }

    It 'returns projections and scalars as they are' {
        Invoke-C8Query 'RETURN 1 + 1' | Should -Be 2
        (Invoke-C8Query "FOR d IN $($script:Rows) FILTER d.n == 7 RETURN { n: d.n }").n | Should -Be 7
        Invoke-C8Query "FOR d IN $($script:Rows) FILTER d.n == 7 RETURN d.n" -AsJson | Should -Be '7'
    }

    It 'reports a bad query as an invalid argument' {
        { Invoke-C8Query 'FOR x IN RETURN' -ErrorAction Stop } | Should -Throw -ErrorId 'C8.Query*,PSC8.Commands.InvokeC8QueryCommand'
    }

    It 'saves, lists, runs, changes and removes a RestQL query' {
        New-C8RestQL -Name $script:Worker -Query "FOR d IN $($script:Rows) FILTER d.n <= @max RETURN d.n" -Parameter @{ max = 3 } | Out-Null
        (Get-C8RestQL -Name $script:Worker).Name | Should -Be $script:Worker
        @(Invoke-C8RestQL -Name $script:Worker -BindVariable @{ max = 25 } -BatchSize 10).Count | Should -Be 25
        Set-C8RestQL -Name $script:Worker -Query "FOR d IN $($script:Rows) FILTER d.n <= @max SORT d.n DESC RETURN d.n" | Out-Null
        (Get-C8RestQL $script:Worker | Invoke-C8RestQL -BindVariable @{ max = 3 }) | Should -Be @(3, 2, 1)
        Get-C8RestQL -Name $script:Worker | Remove-C8RestQL
        Get-C8RestQL -Name "$($script:Worker)*" | Should -BeNullOrEmpty
    }
}

Describe 'API keys and access levels' {
    BeforeAll {
        $script:RootConnection = Connect-Root
        $script:KeyId = New-C8TestName 'key'
        $script:Secured = New-C8TestName 'secured'
        New-C8Collection -Name $script:Secured | Out-Null
    }

    AfterAll {
        Remove-C8ApiKey -KeyId $script:KeyId -Connection $script:RootConnection -ErrorAction SilentlyContinue
        Remove-C8Collection -Name $script:Secured -Connection $script:RootConnection -Force -ErrorAction SilentlyContinue
    }

    It 'returns the secret once, as a SecureString that never shows' {
        $script:Key = New-C8ApiKey -KeyId $script:KeyId
        $script:Key.ApiKey | Should -BeOfType ([securestring])
        $plain = [System.Net.NetworkCredential]::new('', $script:Key.ApiKey).Password
        $plain | Should -BeLike "*.$($script:KeyId).*"
        ($script:Key | ConvertTo-Json) | Should -Not -Match ([regex]::Escape($plain))
        ($script:Key | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($plain))
        (Get-C8ApiKey -KeyId $script:KeyId).KeyId | Should -Be $script:KeyId
    }

    It 'denies a key without access and allows it once granted' {
        $keyed = Connect-C8 -Url $script:Server.Url -ApiKey $script:Key.ApiKey -KeepDefault
        { Get-C8Collection -Name $script:Secured -Connection $keyed -ErrorAction Stop } | Should -Throw -ErrorId 'C8.AccessDenied,*'
        Set-C8AccessLevel -ApiKeyId $script:KeyId -Fabric _system -Level ro -PassThru | ForEach-Object Level | Should -Be 'ro'
        (Get-C8Collection -Name $script:Secured -Connection $keyed).Name | Should -Be $script:Secured
        (Get-C8AccessLevel -ApiKeyId $script:KeyId -Fabric _system).Level | Should -Be 'ro'
        Get-C8ApiKey -KeyId $script:KeyId | Set-C8AccessLevel -Fabric _system -Collection $script:Secured -Level none
        (Get-C8AccessLevel -ApiKeyId $script:KeyId -Fabric _system -Collection $script:Secured).Level | Should -Be 'none'
        Disconnect-C8 -Connection $keyed
    }

    It 'removes keys through the pipeline' {
        Get-C8ApiKey -KeyId $script:KeyId | Remove-C8ApiKey
        Get-C8ApiKey -KeyId "$($script:KeyId)*" | Should -BeNullOrEmpty
    }
}

Describe 'Tab completion' {
    BeforeAll {
        Connect-Root | Out-Null
        $script:Completed = New-C8TestName 'cmpl'
        New-C8Collection -Name $script:Completed | Out-Null
    }

    AfterAll {
        Remove-C8Collection -Name $script:Completed -Force -ErrorAction SilentlyContinue
    }

    It 'completes collection and region names from the connection' {
        $line = "Get-C8Collection -Name $($script:Completed.Substring(0, 8))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $script:Completed
        $line = 'Get-C8Region -Name eu'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'eu-central'
    }

    It 'offers nothing, without an error, when there is no connection' {
        $connections = Get-C8Connection -All
        $connections | Disconnect-C8
        try {
            $line = 'Get-C8Fabric -Name x'
            { TabExpansion2 -inputScript $line -cursorColumn $line.Length } | Should -Not -Throw
        }
        finally {
            Connect-Root | Out-Null
        }
    }
}
