namespace Steward.Tracking.Search;

internal enum TokenKind
{
    Identifier,
    String,
    Number,
    Operator,
    Keyword,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

/// <summary>A lexical token of a search filter; <see cref="Key"/> holds a quoted key after <c>entity.</c>.</summary>
internal sealed record SearchToken(TokenKind Kind, string Text, int Position, string? Key = null);
