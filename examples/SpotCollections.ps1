#Requires -Version 5.1
#Requires -Modules PSC8
<#
.SYNOPSIS
The documented spot-collection flow (Macrometa's "Using Spot Collections" sample) with PSC8 cmdlets.

.DESCRIPTION
Connects as an administrator, creates an API key and then works as that key: lists the regions, creates the
fabric with a spot region unless it exists, grants the key rw on it, checks the spot region, creates (or checks)
the spot collection, inserts five accounts without duplicates, saves the RestQL query read_query unless it exists
and runs it, reads the same rows through a connection to every other region, and cleans up.
Every step finds what an earlier run left behind, so the script can run again and again.

.PARAMETER Url
The URL the flow runs against (C8 Local's first region by default).

.PARAMETER RegionUrl
The URLs of the other regions, read from in step 5.

.PARAMETER Credential
An administrator's email and password (C8 Local: root@c8.local and the password it was started with).

.EXAMPLE
./examples/SpotCollections.ps1 -Credential (Get-Credential root@c8.local)

Runs the flow against a C8 Local started with "dotnet run --project src/PSC8.Server -- --root-password ...".
#>
[CmdletBinding()]
param(
    [string] $Url = 'http://127.0.0.1:8529',

    [string[]] $RegionUrl = @('http://127.0.0.1:8530', 'http://127.0.0.1:8531'),

    [Parameter(Mandatory)]
    [pscredential] $Credential,

    [string] $FabricName = 'spot',

    [string] $CollectionName = 'accounts',

    [string] $QueryName = 'read_query',

    [string] $KeyId = 'spot_demo'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$accounts = @(
    [ordered]@{ _key = '1'; firstname = 'Peter'; lastname = 'Parker'; City = 'NewYork' }
    [ordered]@{ _key = '2'; firstname = 'Bruce'; lastname = 'Wayne'; City = 'Gotham' }
    [ordered]@{ _key = '3'; firstname = 'Clark'; lastname = 'Kent'; City = 'Manhatten' }
    [ordered]@{ _key = '4'; firstname = 'Ned'; lastname = 'Stark'; City = 'Winterfell' }
    [ordered]@{ _key = '5'; firstname = 'Tywin'; lastname = 'Lannister'; City = 'Kings Landing' }
)

$opened = [System.Collections.Generic.List[object]]::new()
try {
    # Step 1: connect. The administrator only creates the API key; the flow then runs as the key, like the sample.
    Write-Host "1. CONNECT: $Url as $($Credential.UserName)"
    $admin = Connect-C8 -Url $Url -Credential $Credential
    $opened.Add($admin)

    # A key's secret is shown only when it is created, so a key left by an earlier run is replaced.
    Get-C8ApiKey -KeyId $KeyId -ErrorAction SilentlyContinue | Remove-C8ApiKey -Confirm:$false
    $key = New-C8ApiKey -KeyId $KeyId
    Set-C8AccessLevel -ApiKeyId $KeyId -Fabric _system -Level rw
    $system = Connect-C8 -Url $Url -ApiKey $key.ApiKey
    $opened.Add($system)
    Write-Host "   Working as API key $KeyId in region $($system.Region)."

    # Step 1.5: the regions, and a fabric with a spot region unless it exists.
    $regions = @(Get-C8Region)
    $regions | Format-Table | Out-Host
    $spotRegion = @($regions | Where-Object { $_.IsSpotCapable -and -not $_.IsLocal } | Select-Object -First 1)
    if ($spotRegion.Count -eq 0) {
        throw 'No other spot-capable region; the flow needs one for the fabric.'
    }

    if (Get-C8Fabric -Name $FabricName -Connection $admin -ErrorAction SilentlyContinue) {
        Write-Host "   Fabric $FabricName already exists."
    }
    else {
        # A key cannot read a fabric it created until it is granted access (next step), hence no warning about it here.
        New-C8Fabric -Name $FabricName -Region $regions.Name -SpotDc $spotRegion[0].Name -WarningAction SilentlyContinue | Out-Null
        Write-Host "   Fabric $FabricName has been created with spot region $($spotRegion[0].Name)."
    }

    Set-C8AccessLevel -ApiKeyId $KeyId -Fabric $FabricName -Level rw
    $c8 = Connect-C8 -Url $Url -ApiKey $key.ApiKey -Fabric $FabricName
    $opened.Add($c8)

    $spotDc = (Get-C8Fabric -Current).SpotRegion
    if (-not $spotDc) {
        throw "The fabric $FabricName has no spot region. Remove it (Remove-C8Fabric $FabricName) and run the script again."
    }
    Write-Host "   Spot region of fabric $FabricName is $spotDc."

    # Step 2: create the spot collection, or make sure the existing one is a spot collection.
    Write-Host "2. CREATE_COLLECTION: $CollectionName in fabric $FabricName"
    $collection = Get-C8Collection -Name $CollectionName -ErrorAction SilentlyContinue
    if ($collection) {
        if (-not $collection.IsSpot) {
            throw "$CollectionName exists but is not a spot collection. Remove it (Remove-C8Collection $CollectionName) and run the script again."
        }
        Write-Host "   $CollectionName is a spot collection."
    }
    else {
        New-C8Collection -Name $CollectionName -Spot | Out-Null
        Write-Host "   $CollectionName has been created."
    }

    # Step 3: insert the accounts; keys that are there already are left alone, so nothing is duplicated.
    Write-Host "3. INSERT_DATA: $CollectionName"
    $accounts | Add-C8Document -Collection $CollectionName -OverwriteMode Ignore
    $count = (Get-C8Collection -Name $CollectionName).Count
    Write-Host "   $CollectionName holds $count documents (duplicates were avoided)."

    # Step 4: save the query worker unless it exists, then run it.
    Write-Host "4. READ_DATA: $QueryName in region $($c8.Region)"
    if (Get-C8RestQL -Name $QueryName -ErrorAction SilentlyContinue) {
        Write-Host "   Query $QueryName already exists."
    }
    else {
        New-C8RestQL -Name $QueryName -Query "FOR account IN $CollectionName RETURN account" | Out-Null
        Write-Host "   Query $QueryName has been saved."
    }
    $rows = @(Invoke-C8RestQL -Name $QueryName)
    $rows | Format-Table | Out-Host
    if ($rows.Count -ne $accounts.Count) {
        throw "Expected $($accounts.Count) accounts, read $($rows.Count)."
    }

    # Step 5: the same rows through a connection to every other region (spot collections are read in global order).
    foreach ($other in $RegionUrl) {
        $there = Connect-C8 -Url $other -ApiKey $key.ApiKey -Fabric $FabricName -KeepDefault
        $opened.Add($there)
        Write-Host "5. DATA_MOBILITY: reading from region $($there.Region) ($other)"
        $regional = @(Invoke-C8RestQL -Name $QueryName -Connection $there)
        $regional | Format-Table | Out-Host
        if ($regional.Count -ne $rows.Count) {
            throw "Region $($there.Region) read $($regional.Count) accounts, not $($rows.Count)."
        }
    }

    # Step 6: clean up: the data, the query, the collection, the fabric and the key.
    Write-Host "6. DELETE_DATA: fabric $FabricName, collection $CollectionName"
    Clear-C8Collection -Name $CollectionName -Force
    Remove-C8RestQL -Name $QueryName -Confirm:$false
    Remove-C8Collection -Name $CollectionName -Force
    Remove-C8Fabric -Name $FabricName -Force -Connection $system
    Remove-C8ApiKey -KeyId $KeyId -Connection $admin -Confirm:$false
    Write-Host '   Spot collection, fabric and key have been deleted.'
}
finally {
    foreach ($connection in $opened) {
        if ($connection.IsOpen) {
            Disconnect-C8 -Connection $connection
        }
    }
}
