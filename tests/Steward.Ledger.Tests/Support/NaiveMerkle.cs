using System.Security.Cryptography;

namespace Steward.Ledger.Tests.Support;

/// <summary>
/// RFC 9162 §2.1 transcribed literally, recursion and all, as the reference the real
/// implementation is checked against. Independent of the library: its own hashing, no shortcuts.
/// </summary>
internal static class NaiveMerkle
{
    public static byte[] LeafHash(byte[] entry) => SHA256.HashData([0x00, .. entry]);

    public static byte[] NodeHash(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    /// <summary>MTH(D[n]) over leaf hashes.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves) => Mth(leaves, 0, leaves.Count);

    /// <summary>PATH(m, D[n]).</summary>
    public static List<byte[]> Path(IReadOnlyList<byte[]> leaves, int m, int n) => PathOf(leaves, m, 0, n);

    /// <summary>PROOF(m, D[n]) = SUBPROOF(m, D[n], true).</summary>
    public static List<byte[]> Proof(IReadOnlyList<byte[]> leaves, int m, int n) => SubProof(leaves, m, 0, n, true);

    private static byte[] Mth(IReadOnlyList<byte[]> d, int start, int n)
    {
        if (n == 0)
        {
            return SHA256.HashData(Array.Empty<byte>());
        }
        if (n == 1)
        {
            return d[start];
        }
        int k = LargestPowerOfTwoBelow(n);
        return NodeHash(Mth(d, start, k), Mth(d, start + k, n - k));
    }

    private static List<byte[]> PathOf(IReadOnlyList<byte[]> d, int m, int start, int n)
    {
        if (n == 1)
        {
            return [];
        }
        int k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            var path = PathOf(d, m, start, k);
            path.Add(Mth(d, start + k, n - k));
            return path;
        }
        var right = PathOf(d, m - k, start + k, n - k);
        right.Add(Mth(d, start, k));
        return right;
    }

    private static List<byte[]> SubProof(IReadOnlyList<byte[]> d, int m, int start, int n, bool b)
    {
        if (m == n)
        {
            return b ? [] : [Mth(d, start, n)];
        }
        int k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            var proof = SubProof(d, m, start, k, b);
            proof.Add(Mth(d, start + k, n - k));
            return proof;
        }
        var rest = SubProof(d, m - k, start + k, n - k, false);
        rest.Add(Mth(d, start, k));
        return rest;
    }

    private static int LargestPowerOfTwoBelow(int n)
    {
        int k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }
        return k;
    }
}
