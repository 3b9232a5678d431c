@{
    RootModule             = 'PSC8.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = 'e56d2915-a25f-41dc-a4c9-8d31a4bcd40a'
    Author                 = 'PSC8 contributors'
    CompanyName            = 'PSC8'
    Copyright              = '(c) PSC8 contributors. MIT License (LICENSE).'
    Description            = 'Drive a Macrometa Global Data Network (GDN, "C8") from PowerShell: geo-fabrics with a spot region, spot collections, documents, C8QL queries streamed page by page, and RestQL query workers. Works against C8 Local, the GDN-compatible server for one machine.'

    # Windows PowerShell 5.1 runs the netstandard2.0 assembly only on .NET Framework 4.7.2 or later.
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'

    FormatsToProcess       = @('PSC8.Format.ps1xml')

    CmdletsToExport        = @(
        'Connect-C8'
        'Disconnect-C8'
        'Get-C8Connection'
        'Use-C8Connection'
        'Get-C8Region'
        'Get-C8Fabric'
        'New-C8Fabric'
        'Set-C8Fabric'
        'Remove-C8Fabric'
        'Get-C8Collection'
        'New-C8Collection'
        'Clear-C8Collection'
        'Remove-C8Collection'
        'Add-C8Document'
        'Get-C8Document'
        'Set-C8Document'
        'Remove-C8Document'
        'Import-C8Document'
        'Export-C8Document'
        'New-C8KeyValueCollection'
        'Get-C8KeyValue'
        'Set-C8KeyValue'
        'Remove-C8KeyValue'
        'Get-C8Index'
        'New-C8Index'
        'Remove-C8Index'
        'Get-C8Version'
        'Invoke-C8Query'
        'Get-C8RestQL'
        'New-C8RestQL'
        'Set-C8RestQL'
        'Remove-C8RestQL'
        'Invoke-C8RestQL'
        'Get-C8ApiKey'
        'New-C8ApiKey'
        'Remove-C8ApiKey'
        'Get-C8AccessLevel'
        'Set-C8AccessLevel'
        'Remove-C8AccessLevel'
        'Get-C8User'
        'New-C8User'
        'Set-C8User'
        'Remove-C8User'
        'Start-C8Local'
        'Stop-C8Local'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()

    # Exactly what build.ps1 puts in the module folder: the module, its client, and the runtime dependencies
    # Windows PowerShell lacks (PowerShell 7 ships its own copies, which take precedence).
    FileList               = @(
        'PSC8.psd1'
        'PSC8.dll'
        'PSC8.Client.dll'
        'System.Text.Json.dll'
        'System.Text.Encodings.Web.dll'
        'System.Memory.dll'
        'System.Buffers.dll'
        'System.Numerics.Vectors.dll'
        'System.Runtime.CompilerServices.Unsafe.dll'
        'System.Threading.Tasks.Extensions.dll'
        'Microsoft.Bcl.AsyncInterfaces.dll'
        'PSC8.Format.ps1xml'
        'en-US/PSC8.dll-Help.xml'
        'en-US/about_PSC8.help.txt'
        'LICENSE'
    )

    PrivateData            = @{
        PSData = @{
            Tags         = @('Macrometa', 'GDN', 'C8', 'C8Local', 'Database', 'NoSQL', 'GeoDistributed', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'Users (Get-, New-, Set-, Remove-C8User), Remove-C8AccessLevel, and Start-C8Local and Stop-C8Local for C8 Local; the module installs with Install-PSResource, and C8 Local installs as the c8local .NET tool.'
        }
    }
}
