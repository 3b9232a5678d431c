namespace PSC8.Module.Tests.Module;

/// <summary>The compiled cmdlets against the manifest and POWERSHELL.md's rules, read from PSC8.dll's metadata.</summary>
public sealed class CmdletRulesTests : IDisposable
{
    /// <summary>PowerShell's approved verbs (Get-Verb).</summary>
    private static readonly HashSet<string> ApprovedVerbs = new(StringComparer.Ordinal)
    {
        "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New", "Open",
        "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set", "Show", "Skip",
        "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
        "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
        "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit", "Expand",
        "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore", "Save", "Sync",
        "Unpublish", "Update",
        "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
        "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke",
        "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait",
        "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
        "Use",
    };

    /// <summary>Verbs that change server state: every such cmdlet asks ShouldProcess.</summary>
    private static readonly HashSet<string> ChangingVerbs = new(StringComparer.Ordinal) { "Add", "Clear", "Export", "Import", "Invoke", "New", "Remove", "Set" };

    /// <summary>Cmdlets that run C8 Local on this machine rather than talk to a C8: they take no connection.</summary>
    private static readonly HashSet<string> LocalServerCmdlets = new(StringComparer.Ordinal) { "Start-C8Local", "Stop-C8Local" };

    /// <summary>Verbs that only change the session's own state (its connections).</summary>
    private static readonly HashSet<string> SessionVerbs = new(StringComparer.Ordinal) { "Connect", "Disconnect", "Use" };

    private static readonly string[] HighImpact = { "Clear-C8Collection", "Remove-C8Collection", "Remove-C8Fabric" };

    private readonly ModuleMetadata _module = ModuleMetadata.Load();

    public void Dispose() => _module.Dispose();

    [Fact]
    public void The_cmdlets_are_exactly_the_manifest_exports()
    {
        var exported = ManifestFile.Load().List("CmdletsToExport")!;
        Assert.DoesNotContain(exported, e => e.Contains('*', StringComparison.Ordinal));
        Assert.Equal(exported.OrderBy(n => n, StringComparer.Ordinal), _module.Cmdlets.Select(c => c.Name));
    }

    [Fact]
    public void Every_verb_is_approved() =>
        Assert.All(_module.Cmdlets, c => Assert.Contains(c.Verb, ApprovedVerbs));

    [Fact]
    public void Every_cmdlet_is_sealed_and_derives_from_the_one_base()
    {
        var root = _module.Assembly.GetType("PSC8.Commands.C8Cmdlet", throwOnError: true)!;
        Assert.All(_module.Cmdlets, c =>
        {
            Assert.True(c.Type.IsSealed, c.Name + " is not sealed");
            Assert.True(c.Type.IsSubclassOf(root), c.Name + " does not derive from C8Cmdlet");
        });
    }

    [Fact]
    public void Every_cmdlet_but_Connect_takes_a_connection()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            var connection = cmdlet.Parameter("Connection");
            if (cmdlet.Name == "Connect-C8" || LocalServerCmdlets.Contains(cmdlet.Name))
            {
                Assert.Null(connection);
                continue;
            }

            Assert.True(connection is not null, cmdlet.Name + " has no -Connection");
            Assert.Equal("PSC8.C8Session", connection!.ElementType.FullName);
        }
    }

    [Fact]
    public void State_changes_ask_ShouldProcess_and_getters_never_do()
    {
        Assert.All(_module.Cmdlets, c =>
        {
            // Starting and stopping a server process changes the machine, as Start-Service and Stop-Service do.
            if (ChangingVerbs.Contains(c.Verb) || LocalServerCmdlets.Contains(c.Name))
            {
                Assert.True(c.SupportsShouldProcess, c.Name + " changes state without ShouldProcess");
            }
            else
            {
                Assert.True(c.Verb == "Get" || SessionVerbs.Contains(c.Verb), c.Name + ": unclassified verb");
                Assert.False(c.SupportsShouldProcess, c.Name + " declares ShouldProcess but changes nothing on the server");
            }
        });
    }

    [Fact]
    public void Removing_fabrics_and_collections_and_truncating_are_high_impact_with_Force()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            var high = HighImpact.Contains(cmdlet.Name);
            Assert.True(high == (cmdlet.ConfirmImpact == 3), cmdlet.Name + " has ConfirmImpact " + cmdlet.ConfirmImpact);
            if (high)
            {
                Assert.Equal("System.Management.Automation.SwitchParameter", cmdlet.Parameter("Force")?.Type.FullName);
            }
        }
    }

    [Fact]
    public void Every_cmdlet_declares_its_output_type() =>
        Assert.All(_module.Cmdlets, c => Assert.NotEmpty(c.OutputTypes));

    [Fact]
    public void No_secret_is_a_plain_string()
    {
        var secretWords = new[] { "password", "secret", "token", "apikey", "credential", "jwt" };
        foreach (var parameter in _module.Cmdlets.SelectMany(c => c.Parameters.Select(p => (Cmdlet: c, Parameter: p))))
        {
            // An id names a secret without being one (ApiKeyId).
            var holdsSecret = parameter.Parameter.Names.Any(n => !n.EndsWith("Id", StringComparison.Ordinal) && secretWords.Any(w => n.Contains(w, StringComparison.OrdinalIgnoreCase)));
            if (holdsSecret)
            {
                Assert.Contains(parameter.Parameter.ElementType.FullName, new[] { "System.Security.SecureString", "System.Management.Automation.PSCredential" });
            }
        }
    }

    [Fact]
    public void Getter_name_filters_support_wildcards_and_nothing_else_claims_to()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            foreach (var parameter in cmdlet.Parameters)
            {
                var filter = cmdlet.Verb == "Get" && (parameter.Name == "Name" || parameter.Name == "KeyId") && parameter.Type.IsArray;
                // File paths go through PowerShell's providers, which expand wildcards as every file cmdlet does.
                var files = parameter.Name == "Path" && cmdlet.Verb == "Import";
                Assert.True((filter || files) == parameter.SupportsWildcards, cmdlet.Name + " -" + parameter.Name);
            }
        }
    }

    [Fact]
    public void By_name_sets_have_an_InputObject_twin_that_getters_output_binds_to()
    {
        var twins = _module.Cmdlets.Where(c => c.Parameter("InputObject") is { FromPipeline: true } p && p.ElementType.Namespace!.StartsWith("PSC8", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            new[] { "Clear-C8Collection", "Remove-C8ApiKey", "Remove-C8Collection", "Remove-C8Fabric", "Remove-C8Index", "Remove-C8KeyValue", "Remove-C8RestQL", "Remove-C8User", "Set-C8Fabric", "Set-C8RestQL", "Set-C8User" },
            twins.Select(t => t.Name));

        foreach (var cmdlet in twins)
        {
            var objectType = cmdlet.Parameter("InputObject")!.ElementType;
            var getter = _module.Cmdlets.Single(c => c.Verb == "Get" && c.Noun == cmdlet.Noun);
            Assert.Contains(objectType, getter.OutputTypes);

            // The "by name" twin binds from the getter's output by property name.
            var byName = cmdlet.Parameters.Where(p => p.FromPipelineByPropertyName && !p.Sets.Contains("InputObject")).ToArray();
            Assert.NotEmpty(byName);
            var properties = objectType.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.All(byName, p => Assert.True(p.Names.Any(properties.Contains), cmdlet.Name + " -" + p.Name + " matches no property of " + objectType.Name));
        }
    }

    [Fact]
    public void Documents_bind_by_their_system_attributes()
    {
        foreach (var name in new[] { "Get-C8Document", "Set-C8Document", "Remove-C8Document" })
        {
            var key = _module[name].Parameter("Key")!;
            Assert.True(key.FromPipelineByPropertyName);
            Assert.Contains("_key", key.Aliases);
        }
    }

    [Fact]
    public void Name_parameters_complete_from_the_connection()
    {
        var expected = new Dictionary<string, string>
        {
            ["Fabric"] = "FabricNameCompleter",
            ["Collection"] = "CollectionNameCompleter",
            ["Region"] = "RegionNameCompleter",
            ["SpotDc"] = "RegionNameCompleter",
            ["ApiKeyId"] = "ApiKeyIdCompleter",
            ["User"] = "UserNameCompleter",
        };
        foreach (var cmdlet in _module.Cmdlets)
        {
            // Start-C8Local's -Region names the regions of the server it starts, which no connection knows yet.
            foreach (var parameter in cmdlet.Parameters.Where(p => expected.ContainsKey(p.Name) && !LocalServerCmdlets.Contains(cmdlet.Name)))
            {
                Assert.True(expected[parameter.Name] == parameter.Completer, cmdlet.Name + " -" + parameter.Name + " completes with " + parameter.Completer);
            }

            // A new key's id names what does not exist yet; every other key id names one the connection has.
            var keyId = cmdlet.Parameter("KeyId");
            if (keyId is not null && cmdlet.Verb != "New")
            {
                Assert.True(keyId.Completer == "ApiKeyIdCompleter", cmdlet.Name + " -KeyId completes with " + keyId.Completer);
            }

            var name = cmdlet.Parameter("Name");
            if (name is not null && cmdlet.Verb != "New")
            {
                var kind = cmdlet.Noun switch
                {
                    "C8Fabric" => "FabricNameCompleter",
                    "C8Collection" => "CollectionNameCompleter",
                    "C8RestQL" => "RestQLNameCompleter",
                    "C8Region" => "RegionNameCompleter",
                    "C8User" => "UserNameCompleter",
                    _ => null,
                };
                Assert.True(kind == name.Completer, cmdlet.Name + " -Name completes with " + name.Completer);
            }
        }
    }

    [Fact]
    public void The_parameters_match_the_snapshot()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "PSC8.Module.Tests", "Module", "parameters.snapshot.txt");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n").TrimEnd();
        var actual = ParameterSnapshot.Of(_module).TrimEnd();
        Assert.True(expected == actual, "The cmdlets' parameters changed. If that is intended (and help was updated), replace " + path + " with:\n" + actual);
    }
}
