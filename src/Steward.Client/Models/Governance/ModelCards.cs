namespace Steward.Client;

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

/// <summary>Models in different domains predicting the same target from overlapping inputs.</summary>
/// <param name="Threshold">The Jaccard threshold used.</param>
/// <param name="Groups">Candidates to merge.</param>
public sealed record RedundancyReport(double Threshold, IReadOnlyList<RedundancyGroup> Groups);

/// <summary>A group of redundant models.</summary>
/// <param name="Target">What they predict.</param>
/// <param name="Domains">The domains they span.</param>
/// <param name="Models">The models.</param>
/// <param name="Pairs">The overlapping pairs that link them.</param>
public sealed record RedundancyGroup(string Target, IReadOnlyList<string> Domains, IReadOnlyList<RedundantModel> Models, IReadOnlyList<RedundantPair> Pairs);

/// <summary>A model of a redundancy group.</summary>
/// <param name="Name">The model.</param>
/// <param name="Version">The version it was judged by.</param>
/// <param name="Domain">Its domain.</param>
/// <param name="Features">Its feature names.</param>
/// <param name="Datasets">Its data set names.</param>
public sealed record RedundantModel(string Name, int? Version, string Domain, IReadOnlyList<string> Features, IReadOnlyList<string> Datasets);

/// <summary>Two overlapping models.</summary>
/// <param name="First">One model.</param>
/// <param name="Second">The other.</param>
/// <param name="FeatureOverlap">Jaccard index of their feature names.</param>
/// <param name="DatasetOverlap">Jaccard index of their data set names.</param>
/// <param name="SharedFeatures">Feature names both use.</param>
/// <param name="SharedDatasets">Data set names both use.</param>
public sealed record RedundantPair(string First, string Second, double? FeatureOverlap, double? DatasetOverlap, IReadOnlyList<string> SharedFeatures, IReadOnlyList<string> SharedDatasets);
