#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3.0' }

# Users and access levels from a script's point of view, against a C8 Local this file starts with Start-C8Local and
# stops in AfterAll: the try/finally shape a CI script uses.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'PSC8.TestHelpers.psm1') -Force
    Import-Module (Get-PSC8ModulePath) -Force
    $script:Server = Start-C8Local -Region us-west, eu-central
    $script:Server | Connect-C8 | Out-Null
    $script:Fabric = New-C8TestName 'users'
    New-C8Fabric -Name $script:Fabric -Region us-west, eu-central | Out-Null
}

AfterAll {
    Stop-C8TestServer -Server $script:Server
    if ($script:Server) {
        $script:Server.ExitCode | Should -Be 0
    }
}

Describe 'Users' {
    BeforeEach {
        $script:Email = (New-C8TestName 'user') + '@example.com'
        $script:UserCredential = [pscredential]::new($script:Email, (ConvertTo-SecureString 'User-pw-1!' -AsPlainText -Force))
    }

    It 'creates a user that signs in to the fabric it was granted, and removes it' {
        $user = New-C8User -Credential $script:UserCredential -DisplayName 'Pester user'
        Set-C8AccessLevel -User $user.User -Fabric $script:Fabric -Level ro

        $signedIn = Connect-C8 -Url $script:Server.Url -Credential $script:UserCredential -Fabric $script:Fabric -KeepDefault
        $signedIn.Fabric | Should -Be $script:Fabric
        (Get-C8User -Name $user.User).DisplayName | Should -Be 'Pester user'

        Get-C8User -Name $user.User | Remove-C8User
        Get-C8User -Name $user.User -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'C8.UserNotFound,*'
    }

    It 'refuses a second user with the same email' {
        $user = New-C8User -Credential $script:UserCredential
        try {
            { New-C8User -Credential $script:UserCredential -ErrorAction Stop } | Should -Throw -ErrorId 'C8.DuplicateEmail,PSC8.Commands.NewC8UserCommand'
        }
        finally {
            $user | Remove-C8User
        }
    }

    It 'never shows the password' {
        $user = New-C8User -Credential $script:UserCredential
        try {
            ($user | Format-List * | Out-String) + ($user | ConvertTo-Json) | Should -Not -Match 'User-pw-1!'
        }
        finally {
            $user | Remove-C8User
        }
    }
}

Describe 'Remove-C8AccessLevel' {
    It 'takes a grant back, so the default applies again' {
        $keyId = New-C8TestName 'key'
        New-C8ApiKey -KeyId $keyId | Out-Null
        try {
            Set-C8AccessLevel -ApiKeyId $keyId -Fabric $script:Fabric -Level rw
            (Get-C8AccessLevel -ApiKeyId $keyId -Fabric $script:Fabric).Level | Should -Be 'rw'

            Remove-C8AccessLevel -ApiKeyId $keyId -Fabric $script:Fabric

            (Get-C8AccessLevel -ApiKeyId $keyId -Fabric $script:Fabric).Level | Should -Not -Be 'rw'
        }
        finally {
            Remove-C8ApiKey -KeyId $keyId
        }
    }
}
