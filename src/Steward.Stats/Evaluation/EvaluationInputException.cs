namespace Steward.Stats.Evaluation;

/// <summary>
/// Input that cannot be evaluated: columns of different lengths, no rows, a score that is NaN or
/// infinite, an option out of range. The message names the problem and, where there is one, the row (1-based).
/// </summary>
public sealed class EvaluationInputException(string message) : ArgumentException(message);
