namespace Steward.Governance.ModelCards;

/// <summary>
/// A revision of a model version's card. Revision 0 is a draft filled from what the platform
/// holds now and not stored; every edit stores the next revision, with the platform-filled
/// content as it stood then and the people-written text of each section.
/// </summary>
public sealed record ModelCard(string ModelName, int Version, int Revision, string? EditedBy, long? EditedAt, IReadOnlyList<ModelCardSection> Sections)
{
    /// <summary>Required sections that are empty, or that need people's words and have none: what a "model card complete" gate reads.</summary>
    public IReadOnlyList<string> MissingSections => Sections
        .Where(s => s.IsEmpty || (ModelCardSections.Find(s.Key)?.NeedsText == true && !s.HumanEdited))
        .Select(s => s.Key)
        .ToList();

    /// <summary>True when no required section is missing.</summary>
    public bool Complete => MissingSections.Count == 0;

    /// <summary>The sections people have written in.</summary>
    public IReadOnlyList<string> HumanEditedSections => Sections.Where(s => s.HumanEdited).Select(s => s.Key).ToList();

    /// <summary>The section with <paramref name="key"/>.</summary>
    public ModelCardSection Section(string key) => Sections.First(s => s.Key == key);
}

/// <summary>
/// One section: what the platform filled (<see cref="Facts"/>, <see cref="Tables"/>) and what
/// people wrote (<see cref="Text"/>, by <see cref="TextEditedBy"/> at <see cref="TextEditedAt"/>).
/// </summary>
public sealed record ModelCardSection(
    string Key,
    string Title,
    IReadOnlyList<CardFact> Facts,
    IReadOnlyList<CardTable> Tables,
    string Text,
    string? TextEditedBy,
    long? TextEditedAt)
{
    /// <summary>True when people wrote text in this section.</summary>
    public bool HumanEdited => Text.Length > 0;

    /// <summary>True when neither the platform nor people put anything here.</summary>
    public bool IsEmpty => Facts.Count == 0 && Tables.Count == 0 && !HumanEdited;
}

/// <summary>A name–value pair the platform filled.</summary>
public sealed record CardFact(string Name, string Value);

/// <summary>A table the platform filled (parameters, metrics, data sets, audits).</summary>
public sealed record CardTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A stored revision as listed: who made it, when, and which sections had people's text.</summary>
public sealed record ModelCardRevision(int Revision, string EditedBy, long EditedAt, IReadOnlyList<string> HumanEditedSections, IReadOnlyList<string> MissingSections);
