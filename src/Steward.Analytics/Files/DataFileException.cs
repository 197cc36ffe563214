namespace Steward.Analytics.Files;

/// <summary>A data set that cannot be read as asked: unreadable file, unknown column, bad filter.</summary>
public sealed class DataFileException(string message, Exception? inner = null) : Exception(message, inner);
