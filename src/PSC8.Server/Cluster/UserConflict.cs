namespace PSC8.Server.Cluster;

/// <summary>Why the catalog refused to add or change a user: nothing, its id is taken, or another user has its email.</summary>
internal enum UserConflict
{
    None,
    Name,
    Email,
}
