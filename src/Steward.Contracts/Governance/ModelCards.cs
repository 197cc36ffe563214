namespace Steward.Contracts.Governance;

/// <summary>A revision of a model version's card (revision 0 is the unstored draft).</summary>
/// <param name="Name">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Revision">The revision.</param>
/// <param name="EditedBy">Who stored it.</param>
/// <param name="EditedTimestamp">When.</param>
/// <param name="Complete">True when no required section is missing.</param>
/// <param name="MissingSections">Required sections still empty or lacking people's text.</param>
/// <param name="HumanEditedSections">Sections people wrote in.</param>
/// <param name="Sections">The sections in reading order.</param>
public sealed record ModelCard(
    string Name,
    int Version,
    int Revision,
    string? EditedBy,
    long? EditedTimestamp,
    bool Complete,
    IReadOnlyList<string> MissingSections,
    IReadOnlyList<string> HumanEditedSections,
    IReadOnlyList<ModelCardSection> Sections);

/// <summary>A section of a model card.</summary>
/// <param name="Key">e.g. <c>intended_use</c>.</param>
/// <param name="Title">How people read it.</param>
/// <param name="Facts">Name–value pairs the platform filled.</param>
/// <param name="Tables">Tables the platform filled.</param>
/// <param name="Text">What people wrote.</param>
/// <param name="HumanEdited">True when people wrote in it.</param>
/// <param name="TextEditedBy">Who wrote the text.</param>
/// <param name="TextEditedTimestamp">When.</param>
public sealed record ModelCardSection(
    string Key,
    string Title,
    IReadOnlyList<ModelCardFact> Facts,
    IReadOnlyList<ModelCardTable> Tables,
    string Text,
    bool HumanEdited,
    string? TextEditedBy,
    long? TextEditedTimestamp);

/// <summary>A name–value pair.</summary>
/// <param name="Name">The name.</param>
/// <param name="Value">The value.</param>
public sealed record ModelCardFact(string Name, string Value);

/// <summary>A table.</summary>
/// <param name="Caption">What it shows.</param>
/// <param name="Headers">Column names.</param>
/// <param name="Rows">Rows of cells.</param>
public sealed record ModelCardTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A stored revision as listed.</summary>
/// <param name="Revision">The revision.</param>
/// <param name="EditedBy">Who stored it.</param>
/// <param name="EditedTimestamp">When.</param>
/// <param name="HumanEditedSections">Sections people wrote in.</param>
/// <param name="MissingSections">Required sections missing.</param>
public sealed record ModelCardRevision(int Revision, string EditedBy, long EditedTimestamp, IReadOnlyList<string> HumanEditedSections, IReadOnlyList<string> MissingSections);
