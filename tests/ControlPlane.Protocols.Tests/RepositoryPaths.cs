namespace ControlPlane.Protocols.Tests;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "tools", "trim-model")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("tools/trim-model not found above " + AppContext.BaseDirectory);
    }
}
