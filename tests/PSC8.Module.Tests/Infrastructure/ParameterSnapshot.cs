using System.Text;

namespace PSC8.Module.Tests.Infrastructure;

/// <summary>
/// Every cmdlet's parameters in one stable text (name, type, sets, mandatory, position, pipeline
/// flags, aliases), so a change to the public surface shows up as a diff someone has to accept.
/// </summary>
internal static class ParameterSnapshot
{
    public static string Of(ModuleMetadata module)
    {
        var text = new StringBuilder();
        foreach (var cmdlet in module.Cmdlets)
        {
            text.Append(cmdlet.Name).Append(" -> ").AppendJoin(", ", cmdlet.OutputTypes.Select(t => t.Name)).Append('\n');
            foreach (var p in cmdlet.Parameters)
            {
                text.Append("  -").Append(p.Name).Append(" [").Append(TypeName(p.Type)).Append(']')
                    .Append(" sets=").AppendJoin('|', p.Sets.OrderBy(s => s, StringComparer.Ordinal));
                if (p.Mandatory)
                {
                    text.Append(" mandatory");
                }

                if (p.Position is int position)
                {
                    text.Append(" position=").Append(position);
                }

                if (p.FromPipeline)
                {
                    text.Append(" pipeline");
                }

                if (p.FromPipelineByPropertyName)
                {
                    text.Append(" bypropertyname");
                }

                if (p.DontShow)
                {
                    text.Append(" hidden");
                }

                if (p.Aliases.Count > 0)
                {
                    text.Append(" aliases=").AppendJoin('|', p.Aliases);
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string TypeName(Type type)
    {
        var inner = ModuleMetadata.WithoutNullable(type);
        return inner != type ? TypeName(inner) + "?" : type.IsArray ? TypeName(type.GetElementType()!) + "[]" : type.Name;
    }
}
