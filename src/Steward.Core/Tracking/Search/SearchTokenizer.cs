using System.Globalization;
using System.Text;
using Steward.Errors;

namespace Steward.Tracking.Search;

/// <summary>Splits an MLflow search expression into tokens; keys may be quoted with backticks or double quotes.</summary>
internal static class SearchTokenizer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "LIKE", "ILIKE", "IN", "NOT", "ASC", "DESC", "OR",
    };

    public static List<SearchToken> Tokenize(string text)
    {
        var tokens = new List<SearchToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c == '(') { tokens.Add(new(TokenKind.OpenParen, "(", start)); i++; }
            else if (c == ')') { tokens.Add(new(TokenKind.CloseParen, ")", start)); i++; }
            else if (c == ',') { tokens.Add(new(TokenKind.Comma, ",", start)); i++; }
            else if (c is '\'' or '"' or '`')
            {
                var value = ReadQuoted(text, ref i);
                // A backquoted or double-quoted word right before a dot-less position is a key
                // only after "entity."; elsewhere double quotes are string literals.
                tokens.Add(new(c == '`' ? TokenKind.Identifier : TokenKind.String, value, start));
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var op = ReadOperator(text, ref i);
                tokens.Add(new(TokenKind.Operator, op, start));
            }
            else if (char.IsDigit(c) || ((c is '-' or '+' or '.') && i + 1 < text.Length && (char.IsDigit(text[i + 1]) || text[i + 1] == '.')))
            {
                tokens.Add(new(TokenKind.Number, ReadNumber(text, ref i), start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var word = ReadWord(text, ref i);
                if (word.EndsWith('.') && i < text.Length && text[i] is '`' or '"')
                {
                    var key = ReadQuoted(text, ref i);
                    tokens.Add(new(TokenKind.Identifier, word + key, start, Key: key));
                }
                else if (Keywords.Contains(word))
                {
                    tokens.Add(new(TokenKind.Keyword, word.ToUpperInvariant(), start));
                }
                else
                {
                    tokens.Add(new(TokenKind.Identifier, word, start));
                }
            }
            else
            {
                throw StewardException.Invalid($"Invalid character '{c}' at position {start} of the search expression '{text}'");
            }
        }

        tokens.Add(new(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var quote = text[i];
        var start = i;
        i++;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                // A doubled quote inside a literal stands for the quote itself.
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return value.ToString();
            }

            value.Append(text[i]);
            i++;
        }

        throw StewardException.Invalid($"Unterminated quote {quote} starting at position {start} of the search expression '{text}'");
    }

    private static string ReadOperator(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] is '=' or '!' or '<' or '>') i++;
        return text[start..i];
    }

    private static string ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] is '-' or '+') i++;
        while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.')) i++;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+') i++;
            while (i < text.Length && char.IsDigit(text[i])) i++;
        }

        var number = text[start..i];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw StewardException.Invalid($"Invalid number '{number}' at position {start} of the search expression '{text}'");
        }

        return number;
    }

    private static string ReadWord(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '/' or ':' or '-'))
        {
            // A dot followed by a quote ends the entity part ("metrics.`my key`").
            if (text[i] == '.' && i + 1 < text.Length && text[i + 1] is '`' or '"')
            {
                i++;
                break;
            }

            i++;
        }

        return text[start..i];
    }
}
