#Requires -Version 7.4
<#
.SYNOPSIS
Writes the module's MAML help (en-US/PSC8.dll-Help.xml) from src/PSC8/help/*.md and the compiled cmdlets.

.DESCRIPTION
The text (synopsis, description, parameter descriptions, examples, outputs, links) comes from one Markdown file per
cmdlet, with shared parameter descriptions in _Common.md; everything the code knows (parameter sets, types,
positions, mandatory, pipeline input, aliases, wildcards, default values, output types) comes from the cmdlets
themselves, so the help cannot contradict them. A parameter with no description anywhere is an error, as is a
description of a parameter the cmdlet does not have.

.EXAMPLE
./tools/Build-Help.ps1 -Module ./out/PSC8/0.1.0/PSC8.psd1 -Destination ./src/PSC8/en-US/PSC8.dll-Help.xml
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $Module,

    [string] $Source = (Join-Path $PSScriptRoot '../src/PSC8/help'),

    [Parameter(Mandatory)]
    [string] $Destination
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# -WhatIf and -Confirm are documented like the cmdlet's own parameters; the other common ones are not.
$CommonParameters = @([System.Management.Automation.Cmdlet]::CommonParameters) + 'UseTransaction'
$Maml = 'http://schemas.microsoft.com/maml/2004/10'
$Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$Dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

# One Markdown help file: '# Name', a synopsis paragraph, then '## Section' with '### Item' subsections.
function Read-HelpText {
    param([string] $Path)

    $text = [ordered]@{ Synopsis = ''; Sections = [ordered]@{} }
    $section = $null
    $item = $null
    $buffer = [System.Collections.Generic.List[string]]::new()
    $inCode = $false

    $flush = {
        $body = ($buffer -join "`n").Trim()
        if ($null -eq $section) {
            if ($body) { $text.Synopsis = $body }
        }
        elseif ($null -eq $item) {
            $text.Sections[$section][''] = $body
        }
        else {
            $text.Sections[$section][$item] = $body
        }
        $buffer.Clear()
    }

    foreach ($line in Get-Content -LiteralPath $Path) {
        if ($line.StartsWith('```')) {
            $inCode = -not $inCode
        }
        if (-not $inCode -and $line -match '^(#{1,3}) (.+)$') {
            & $flush
            switch ($Matches[1].Length) {
                1 { $section = $null; $item = $null }
                2 { $section = $Matches[2].Trim(); $item = $null; $text.Sections[$section] = [ordered]@{} }
                3 { $item = $Matches[2].Trim() }
            }
            continue
        }
        $buffer.Add($line)
    }
    & $flush
    $text
}

# The text of one '### item' of a '## section' ('' for the section's own text); empty when absent.
function Get-SectionText {
    param($Help, [string] $Section, [string] $Item)
    $items = $Help.Sections[$Section]
    if ($null -ne $items -and $items.Contains($Item)) { $items[$Item] } else { '' }
}

function Split-Paragraph {
    param([string] $Text)
    @($Text -split "\n\s*\n" | ForEach-Object { ($_ -replace '\s*\n\s*', ' ').Trim() } | Where-Object { $_ })
}

function Add-Element {
    param([System.Xml.XmlNode] $Parent, [string] $Namespace, [string] $Name, [string] $Text, [hashtable] $Attributes)

    $prefix = switch ($Namespace) { $Maml { 'maml' } $Command { 'command' } $Dev { 'dev' } }
    $element = $Parent.OwnerDocument.CreateElement($prefix, $Name, $Namespace)
    if ($Attributes) {
        foreach ($key in $Attributes.Keys | Sort-Object { @('required', 'variableLength', 'globbing', 'pipelineInput', 'position', 'aliases').IndexOf($_) }) {
            $element.SetAttribute($key, $Attributes[$key])
        }
    }
    if ($PSBoundParameters.ContainsKey('Text')) {
        $element.InnerText = $Text
    }
    $null = $Parent.AppendChild($element)
    $element
}

function Add-Description {
    param([System.Xml.XmlNode] $Parent, [string] $Text)
    $description = Add-Element $Parent $Maml 'description'
    foreach ($paragraph in Split-Paragraph $Text) {
        $null = Add-Element $description $Maml 'para' $paragraph
    }
}

# $Sets: how the parameter is declared in the sets in question (a syntax item's one set, or all of them).
function Get-PipelineInput {
    param([object[]] $Sets)

    $ways = @()
    if ($Sets | Where-Object ValueFromPipeline) { $ways += 'ByValue' }
    if ($Sets | Where-Object ValueFromPipelineByPropertyName) { $ways += 'ByPropertyName' }
    if ($ways) { "True ($($ways -join ', '))" } else { 'False' }
}

function Get-TypeName {
    param([type] $Type)
    $element = if ($Type.IsArray) { $Type.GetElementType() } else { $Type }
    $element = [Nullable]::GetUnderlyingType($element) ?? $element
    $element.Name + $(if ($Type.IsArray) { '[]' } else { '' })
}

function Get-Position {
    param([object[]] $Sets)
    $position = @($Sets | Where-Object Position -GE 0 | ForEach-Object Position | Select-Object -First 1)
    if ($position.Count -gt 0) { [string]$position[0] } else { 'named' }
}

function Add-ParameterElement {
    param([System.Xml.XmlNode] $Parent, [System.Management.Automation.ParameterMetadata] $Parameter, [object[]] $Sets)

    $isSwitch = $Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]
    $wildcards = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $aliases = if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }
    $element = Add-Element $Parent $Command 'parameter' -Attributes @{
        required       = ([bool]($Sets | Where-Object IsMandatory)).ToString().ToLowerInvariant()
        variableLength = $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant()
        globbing       = $wildcards.ToString().ToLowerInvariant()
        pipelineInput  = Get-PipelineInput $Sets
        position       = Get-Position $Sets
        aliases        = $aliases
    }
    $null = Add-Element $element $Maml 'name' $Parameter.Name
    $element
}

function Add-ParameterValue {
    param([System.Xml.XmlNode] $Element, [System.Management.Automation.ParameterMetadata] $Parameter)
    if ($Parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
        $null = Add-Element $Element $Command 'parameterValue' (Get-TypeName $Parameter.ParameterType) -Attributes @{
            required = 'true'; variableLength = $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant()
        }
    }
}

# What a freshly made cmdlet object holds: the parameter's default when it is not given.
function Get-DefaultValue {
    param([object] $Instance, [System.Management.Automation.ParameterMetadata] $Parameter)

    if ($Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]) { return 'False' }
    $property = $Instance.GetType().GetProperty($Parameter.Name)
    $value = if ($property) { $property.GetValue($Instance) } else { $null }
    if ($null -eq $value -or ($value -is [string] -and $value -eq '') -or ($value -is [array] -and $value.Count -eq 0)) { return 'None' }
    [string]$value
}

$null = Import-Module $Module -Force -PassThru
$common = (Read-HelpText (Join-Path $Source '_Common.md')).Sections['Parameters']
$document = [System.Xml.XmlDocument]::new()
$null = $document.AppendChild($document.CreateXmlDeclaration('1.0', 'utf-8', $null))
$root = $document.AppendChild($document.CreateElement('helpItems', 'http://msh'))
$root.SetAttribute('schema', 'maml')
$problems = [System.Collections.Generic.List[string]]::new()

foreach ($cmdlet in Get-Command -Module PSC8 -CommandType Cmdlet | Sort-Object Name) {
    $path = Join-Path $Source "$($cmdlet.Name).md"
    if (-not (Test-Path -LiteralPath $path)) {
        $problems.Add("$($cmdlet.Name): no help file $path")
        continue
    }
    $help = Read-HelpText $path
    $described = $help.Sections['Parameters'] ?? [ordered]@{}
    $parameters = @($cmdlet.Parameters.Values | Where-Object {
            $_.Name -notin $CommonParameters -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
        } | Sort-Object Name)
    $shown = @($parameters.Name)
    foreach ($name in @($described.Keys | Where-Object { $_ })) {
        if ($name.TrimStart('-') -notin $shown) {
            $problems.Add("$($cmdlet.Name): the help describes -$($name.TrimStart('-')), which the cmdlet does not have")
        }
    }

    $commandElement = Add-Element $root $Command 'command'
    $commandElement.SetAttribute('xmlns:maml', $Maml)
    $commandElement.SetAttribute('xmlns:dev', $Dev)
    $details = Add-Element $commandElement $Command 'details'
    $null = Add-Element $details $Command 'name' $cmdlet.Name
    $null = Add-Element $details $Command 'verb' $cmdlet.Verb
    $null = Add-Element $details $Command 'noun' $cmdlet.Noun
    Add-Description $details $help.Synopsis
    Add-Description $commandElement (Get-SectionText $help 'Description' '')

    $syntax = Add-Element $commandElement $Command 'syntax'
    foreach ($set in $cmdlet.ParameterSets | Sort-Object { -not $_.IsDefault }, Name) {
        $item = Add-Element $syntax $Command 'syntaxItem'
        $null = Add-Element $item $Maml 'name' $cmdlet.Name
        $inSet = @($set.Parameters | Where-Object { $_.Name -in $shown } |
                Sort-Object { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } }, { -not $_.IsMandatory }, Name)
        foreach ($setParameter in $inSet) {
            $parameter = $cmdlet.Parameters[$setParameter.Name]
            $element = Add-ParameterElement $item $parameter @($setParameter)
            Add-ParameterValue $element $parameter
        }
    }

    $instance = [Activator]::CreateInstance($cmdlet.ImplementingType)
    $parametersElement = Add-Element $commandElement $Command 'parameters'
    foreach ($parameter in $parameters) {
        $key = '-' + $parameter.Name
        $text = if ($described.Contains($key)) { $described[$key] } elseif ($common.Contains($key)) { $common[$key] } else { $null }
        if (-not $text) {
            $problems.Add("$($cmdlet.Name): -$($parameter.Name) is not described")
            continue
        }
        $element = Add-ParameterElement $parametersElement $parameter @($parameter.ParameterSets.Values)
        Add-Description $element $text
        Add-ParameterValue $element $parameter
        $type = Add-Element $element $Dev 'type'
        $null = Add-Element $type $Maml 'name' (([Nullable]::GetUnderlyingType($parameter.ParameterType) ?? $parameter.ParameterType).FullName)
        $null = Add-Element $type $Maml 'uri'
        $null = Add-Element $element $Dev 'defaultValue' (Get-DefaultValue $instance $parameter)
    }
    if ($instance -is [System.IDisposable]) { $instance.Dispose() }

    $inputs = Add-Element $commandElement $Command 'inputTypes'
    $byValue = $parameters | Where-Object { $_.ParameterSets.Values | Where-Object ValueFromPipeline } | Group-Object { $_.ParameterType.FullName -replace '\[\]$', '' }
    foreach ($group in $byValue) {
        $inputType = Add-Element $inputs $Command 'inputType'
        $type = Add-Element $inputType $Dev 'type'
        $null = Add-Element $type $Maml 'name' $group.Name
        Add-Description $inputType "Bound from the pipeline to -$($group.Group.Name -join ', -')."
    }
    $byName = @($parameters | Where-Object { $_.ParameterSets.Values | Where-Object ValueFromPipelineByPropertyName })
    if ($byName) {
        $inputType = Add-Element $inputs $Command 'inputType'
        $type = Add-Element $inputType $Dev 'type'
        $null = Add-Element $type $Maml 'name' 'System.Management.Automation.PSObject'
        Add-Description $inputType "Objects whose properties (or aliases) $($byName.Name -join ', ') bind to the parameters of those names."
    }

    $outputs = Add-Element $commandElement $Command 'returnValues'
    $declared = @($cmdlet.OutputType | ForEach-Object { $_.Type ?? $_.Name } | Where-Object { $_ -ne [void] })
    $documented = $help.Sections['Outputs']
    $outputNames = if ($documented) { @($documented.Keys | Where-Object { $_ }) } else { @($declared | ForEach-Object { $_.FullName }) }
    foreach ($name in $outputNames) {
        $returnValue = Add-Element $outputs $Command 'returnValue'
        $type = Add-Element $returnValue $Dev 'type'
        $null = Add-Element $type $Maml 'name' $name
        Add-Description $returnValue (Get-SectionText $help 'Outputs' $name)
    }

    $examples = Add-Element $commandElement $Command 'examples'
    $number = 0
    foreach ($entry in ($help.Sections['Examples'] ?? [ordered]@{}).GetEnumerator() | Where-Object Key) {
        $number++
        if ($entry.Value -notmatch '(?s)^```powershell\n(?<code>.*?)\n```\s*(?<remarks>.*)$') {
            $problems.Add("$($cmdlet.Name): $($entry.Key) has no powershell code block")
            continue
        }
        $example = Add-Element $examples $Command 'example'
        $null = Add-Element $example $Maml 'title' "-------------------------- Example $number --------------------------"
        $null = Add-Element $example $Dev 'code' $Matches.code
        $remarks = Add-Element $example $Dev 'remarks'
        foreach ($paragraph in Split-Paragraph $Matches.remarks) {
            $null = Add-Element $remarks $Maml 'para' $paragraph
        }
    }

    $links = Add-Element $commandElement $Command 'relatedLinks'
    foreach ($link in ((Get-SectionText $help 'Related links' '') -split "\n" | Where-Object { $_ -match '^- (.+)$' } | ForEach-Object { $Matches[1].Trim() })) {
        $navigation = Add-Element $links $Maml 'navigationLink'
        $null = Add-Element $navigation $Maml 'linkText' $link
        $null = Add-Element $navigation $Maml 'uri'
    }
}

if ($problems.Count -gt 0) {
    throw "The help sources do not match the cmdlets:`n  " + ($problems -join "`n  ")
}

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$settings.NewLineChars = "`n"
$writer = [System.Xml.XmlWriter]::Create($Destination, $settings)
try {
    $document.Save($writer)
}
finally {
    $writer.Dispose()
}
