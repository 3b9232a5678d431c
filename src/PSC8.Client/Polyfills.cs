// Compiler support types that netstandard2.0 lacks; internal so they never clash with the host's.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
