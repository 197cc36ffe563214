using System.Buffers;
using System.Security.Cryptography;

namespace Steward.Ledger.Merkle;

/// <summary>
/// The RFC 6962 / RFC 9162 (§2.1.1) hashing of a Merkle tree with SHA-256: a leaf is
/// <c>SHA-256(0x00 ‖ entry)</c>, an interior node is <c>SHA-256(0x01 ‖ left ‖ right)</c> and
/// the empty tree is <c>SHA-256("")</c>. The distinct prefixes keep a leaf from ever being
/// mistaken for a node (second-preimage resistance).
/// </summary>
public static class MerkleHash
{
    /// <summary>The length of every hash in the tree, in bytes.</summary>
    public const int Size = 32;

    // Entries up to this size are prefixed on the stack; larger ones borrow a pooled buffer.
    private const int StackEntryLimit = 512;

    /// <summary>The root hash of the empty tree: SHA-256 of the empty string.</summary>
    public static ReadOnlySpan<byte> EmptyRoot =>
    [
        0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
        0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
    ];

    /// <summary>Returns the leaf hash <c>SHA-256(0x00 ‖ entry)</c> of a log entry.</summary>
    public static byte[] HashLeaf(ReadOnlySpan<byte> entry)
    {
        var hash = new byte[Size];
        HashLeaf(entry, hash);
        return hash;
    }

    /// <summary>Writes the leaf hash <c>SHA-256(0x00 ‖ entry)</c> of a log entry to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Size"/>.</exception>
    public static void HashLeaf(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        CheckDestination(destination);
        if (entry.Length <= StackEntryLimit)
        {
            Span<byte> buffer = stackalloc byte[StackEntryLimit + 1];
            buffer[0] = 0x00;
            entry.CopyTo(buffer[1..]);
            SHA256.HashData(buffer[..(entry.Length + 1)], destination);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(entry.Length + 1);
        try
        {
            rented[0] = 0x00;
            entry.CopyTo(rented.AsSpan(1));
            SHA256.HashData(rented.AsSpan(0, entry.Length + 1), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes the interior node hash <c>SHA-256(0x01 ‖ left ‖ right)</c> to
    /// <paramref name="destination"/>, which may be the same memory as either child.
    /// </summary>
    /// <exception cref="ArgumentException">A child is not <see cref="Size"/> bytes or the destination is too short.</exception>
    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (left.Length != Size || right.Length != Size)
        {
            throw new ArgumentException($"Child hashes must be {Size} bytes.");
        }
        CheckDestination(destination);
        // The children are copied before hashing, so destination may alias them.
        Span<byte> buffer = stackalloc byte[1 + 2 * Size];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        SHA256.HashData(buffer, destination);
    }

    /// <summary>Returns the interior node hash <c>SHA-256(0x01 ‖ left ‖ right)</c>.</summary>
    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        HashChildren(left, right, hash);
        return hash;
    }

    private static void CheckDestination(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"The destination must hold {Size} bytes.", nameof(destination));
        }
    }
}
