using System.Runtime.CompilerServices;

// The xUnit suite drives the PowerShell-free engine (internal) against C8 Local.
[assembly: InternalsVisibleTo("PSC8.Module.Tests")]
