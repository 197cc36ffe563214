namespace Steward.Tracking;

/// <summary>Memorable generated run names (<c>brave-otter-417</c>) for runs created without one.</summary>
internal static class RunNames
{
    private static readonly string[] Adjectives =
    [
        "able", "bold", "brave", "bright", "calm", "clever", "crisp", "eager", "fair", "gentle",
        "glad", "grand", "keen", "kind", "lively", "loyal", "merry", "nimble", "proud", "quick",
        "quiet", "rare", "sharp", "shy", "smart", "swift", "tidy", "vast", "warm", "wise",
    ];

    private static readonly string[] Animals =
    [
        "ant", "bass", "bear", "crane", "deer", "eel", "finch", "fox", "gnu", "hare",
        "hawk", "ibis", "jay", "koi", "lark", "lynx", "mole", "newt", "owl", "panda",
        "quail", "ram", "seal", "skink", "swan", "toad", "trout", "vole", "wren", "yak",
    ];

    public static string Generate()
    {
        var random = Random.Shared;
        return $"{Adjectives[random.Next(Adjectives.Length)]}-{Animals[random.Next(Animals.Length)]}-{random.Next(1000)}";
    }
}
