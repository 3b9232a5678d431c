#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3.0' }

# The packages build.ps1 -Task Package makes (out/packages, or $env:PSC8_PACKAGE_PATH), installed as users install
# them, each into temporary folders only: the module with PSResourceGet from a temporary local repository, C8 Local
# with dotnet tool install.

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    $script:Packages = if ($env:PSC8_PACKAGE_PATH) { $env:PSC8_PACKAGE_PATH } else { Join-Path $root 'out/packages' }
    $script:Version = (Select-Xml -Path (Join-Path $root 'Directory.Build.props') -XPath '/Project/PropertyGroup/Version').Node.InnerText
    $script:Scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('psc8-package-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $script:Scratch

    # Runs a script in a new pwsh whose per-user folders (modules, PSResourceGet's repository list) are in the
    # scratch folder, so nothing is registered or installed for the real user. Returns its output lines.
    function script:Invoke-IsolatedPwsh {
        param([string] $Script, [string] $Folder)
        $saved = $env:HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME, $env:PSModulePath
        try {
            # PSResourceGet installs under $HOME/.local/share, PowerShell looks under XDG_DATA_HOME: both point into
            # scratch. .NET ignores a per-user folder that does not exist, so they are made first.
            $env:HOME = (New-Item -ItemType Directory -Path $Folder -Force).FullName
            $env:XDG_DATA_HOME = (New-Item -ItemType Directory -Path (Join-Path $Folder '.local/share') -Force).FullName
            $env:XDG_CONFIG_HOME = (New-Item -ItemType Directory -Path (Join-Path $Folder '.config') -Force).FullName
            $env:PSModulePath = $null
            # The child refuses to run unless its per-user folder really is the scratch one.
            $guard = "if (-not ([Environment]::GetFolderPath('LocalApplicationData').StartsWith('$Folder') -and `$HOME.StartsWith('$Folder'))) { throw 'not isolated' }`n"
            $output = & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command ($guard + $Script) 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
        }
        finally {
            $env:HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME, $env:PSModulePath = $saved
        }
    }
}

AfterAll {
    Remove-Item -Path $script:Scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The PSC8 module package' {
    BeforeAll {
        $script:ModulePackage = Join-Path $script:Packages "PSC8.$script:Version.nupkg"
        $script:Repository = Join-Path $script:Scratch 'repository'
        $null = New-Item -ItemType Directory -Path $script:Repository
        Copy-Item -LiteralPath $script:ModulePackage -Destination $script:Repository
        $script:Register = "Register-PSResourceRepository -Name psc8test -Uri '$script:Repository' -Trusted"
    }

    It 'is PSC8.<version>.nupkg' {
        $script:ModulePackage | Should -Exist
    }

    # Install-PSResource has no -Path: it installs into the user's module folder, which the isolated pwsh keeps in scratch.
    It 'installs with Install-PSResource and imports by name' -Skip:$IsWindows {
        $run = Invoke-IsolatedPwsh -Folder (Join-Path $script:Scratch 'install') -Script "
            `$ErrorActionPreference = 'Stop'
            $script:Register
            Install-PSResource -Name PSC8 -Repository psc8test -Scope CurrentUser -TrustRepository
            Import-Module PSC8
            (Get-Module PSC8).ModuleBase
            Get-Command -Module PSC8 | ForEach-Object Name"

        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output[0] | Should -BeLike (Join-Path $script:Scratch 'install*')
        $run.Output | Should -Contain 'Connect-C8'
        $run.Output | Should -Contain 'Start-C8Local'
    }

    It 'saves with Save-PSResource into a module path, imports by name, and has help' {
        $modules = Join-Path $script:Scratch 'modules'
        $null = New-Item -ItemType Directory -Path $modules
        $run = Invoke-IsolatedPwsh -Folder (Join-Path $script:Scratch 'save') -Script "
            `$ErrorActionPreference = 'Stop'
            $script:Register
            Save-PSResource -Name PSC8 -Repository psc8test -Path '$modules' -TrustRepository
            `$env:PSModulePath = '$modules' + [System.IO.Path]::PathSeparator + `$env:PSModulePath
            Import-Module PSC8
            (Get-Module PSC8).ModuleBase
            (Get-Command -Module PSC8).Count
            (Get-Help Start-C8Local).Synopsis"

        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output[0] | Should -Be (Join-Path $modules "PSC8/$script:Version")
        [int]$run.Output[1] | Should -Be @((Import-PowerShellDataFile (Join-Path $run.Output[0] 'PSC8.psd1')).CmdletsToExport).Count
        $run.Output[2] | Should -BeLike 'Starts C8 Local*'
        Join-Path $modules "PSC8/$script:Version/LICENSE" | Should -Exist
    }
}

Describe 'The c8local .NET tool package' {
    BeforeAll {
        $script:ToolPackage = Join-Path $script:Packages "c8local.$script:Version.nupkg"
        $script:Tools = Join-Path $script:Scratch 'tools'
        # Only the package folder as a source: the test needs no network.
        $config = Join-Path $script:Scratch 'nuget.config'
        '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /></packageSources></configuration>' | Set-Content -Path $config
        $script:Installed = & dotnet tool install c8local --version $script:Version --tool-path $script:Tools --add-source $script:Packages --configfile $config 2>&1
        $script:InstallExit = $LASTEXITCODE
        $script:Executable = Join-Path $script:Tools ($IsWindows ? 'c8local.exe' : 'c8local')
    }

    It 'is c8local.<version>.nupkg and installs with dotnet tool install' {
        $script:ToolPackage | Should -Exist
        $script:InstallExit | Should -Be 0 -Because ($script:Installed -join "`n")
        $script:Executable | Should -Exist
    }

    It 'runs: c8local --help lists its options' {
        $usage = & $script:Executable --help
        $LASTEXITCODE | Should -Be 0
        $usage[0] | Should -Be 'Usage: c8local [options]'
        $usage | Should -Contain '  --stop-with-input          stop when standard input closes (how Start-C8Local''s parent stops it)'
    }

    It 'is the c8local Start-C8Local finds on the PATH when no path is given' {
        Import-Module (Join-Path $PSScriptRoot 'PSC8.TestHelpers.psm1') -Force
        Import-Module (Get-PSC8ModulePath) -Force
        $saved = $env:PSC8_C8LOCAL_PATH, $env:PATH
        try {
            $env:PSC8_C8LOCAL_PATH = $null
            $env:PATH = $script:Tools + [System.IO.Path]::PathSeparator + $env:PATH
            $server = Start-C8Local -Region solo
        }
        finally {
            $env:PSC8_C8LOCAL_PATH, $env:PATH = $saved
        }
        try {
            $server.Path | Should -Be $script:Executable
            $server | Connect-C8 | Out-Null
            (Get-C8Region).Name | Should -Be 'solo'
        }
        finally {
            Get-C8Connection -All | Disconnect-C8
            $server | Stop-C8Local
        }
        $server.ExitCode | Should -Be 0
    }
}
