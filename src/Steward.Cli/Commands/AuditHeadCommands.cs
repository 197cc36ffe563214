using System.CommandLine;
using System.Globalization;
using Steward.Audit;
using Steward.Audit.Heads;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;
using Steward.Ledger.Signing;

namespace Steward.Cli.Commands;

/// <summary>
/// <c>steward audit head|key|witness</c>: the signed heads and the key a server publishes, and
/// keeping heads outside its database — a file an auditor appends to (<c>head --save</c>) or a
/// witness that polls and checks each head extends the last (<see cref="HeadWitness"/>).
/// </summary>
internal static class AuditHeadCommands
{
    public static Command Head()
    {
        var head = new Command("head", "Show the server's current signed tree head with the id and public key (base64 DER, which 'audit verify --public-key' takes) of the key that signed it; --save appends it to a file of heads kept outside the server.")
        {
            CliOptions.SaveHead,
        };
        head.SetClientAction(HeadAsync);
        return head;
    }

    public static Command Key()
    {
        var key = new Command("key", "Show the key id and public key (PEM) that sign the server's ledger heads; give the PEM to 'audit verify --public-key'.");
        key.SetClientAction(KeyAsync);
        return key;
    }

    public static Command Witness()
    {
        var witness = new Command("witness", "Poll a server's signed head, check each new one against the last with a consistency proof, append it to --heads; exit 2 with one line when the log contradicts a head it signed.")
        {
            CliOptions.WitnessHeads, CliOptions.Interval, CliOptions.PublicKey, CliOptions.Polls,
        };
        witness.SetClientAction(WitnessAsync);
        return witness;
    }

    private static async Task<int> HeadAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var head = await client.GetLedgerHeadAsync(cancellationToken);
        if (parse.GetValue(CliOptions.SaveHead) is { Length: > 0 } file)
        {
            var signed = ToSigned(head);
            var kept = File.Exists(file) ? await AuditCommand.ReadHeadFilesAsync([file], cancellationToken) : [];
            var key = kept.Count > 0 ? kept[0].PublicKey : signed.PublicKey;
            // The file pins the key of its first head: a server that now signs with another is not trusted silently.
            var verdict = HeadWitness.Check(null, signed, [], key);
            if (!verdict.Consistent) throw new CliException($"not saved: {verdict.Problem}", ExitCodes.Refused);
            await File.AppendAllTextAsync(file, HeadsFile.Format(signed) + "\n", cancellationToken);
        }

        if (output == OutputFormat.Json)
        {
            Printer.Json(head);
            return ExitCodes.Ok;
        }

        Printer.Write(Printer.Details("Signed tree head", [
            ("Tree size", head.TreeSize.ToString(CultureInfo.InvariantCulture)),
            ("Root hash", head.RootHash),
            ("Timestamp", head.Timestamp),
            ("Signature", head.Signature),
            ("Key id", head.KeyId),
            ("Public key", head.PublicKey),
        ]));
        return ExitCodes.Ok;
    }

    private static async Task<int> KeyAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var key = await client.GetLedgerKeyAsync(cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(key);
            return ExitCodes.Ok;
        }

        Console.Out.WriteLine($"key id: {key.KeyId}");
        Console.Out.Write(key.PublicKeyPem.EndsWith('\n') ? key.PublicKeyPem : key.PublicKeyPem + "\n");
        return ExitCodes.Ok;
    }

    private static async Task<int> WitnessAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var file = parse.GetRequiredValue(CliOptions.WitnessHeads);
        var interval = DurationOptions.Parse(parse.GetRequiredValue(CliOptions.Interval), "--interval");
        var polls = parse.GetValue(CliOptions.Polls);
        var kept = File.Exists(file) ? await AuditCommand.ReadHeadFilesAsync([file], cancellationToken) : [];
        var last = kept.Count > 0 ? kept[^1] : null;
        var key = await AuditCommand.ReadPublicKeyAsync(parse.GetValue(CliOptions.PublicKey), cancellationToken) ?? kept.FirstOrDefault()?.PublicKey;
        if (key is null)
        {
            // Trust on first use: the key the server publishes now; compare its id with the one given out of band.
            key = Convert.FromBase64String((await client.GetLedgerKeyAsync(cancellationToken)).PublicKey);
            await Console.Error.WriteLineAsync($"steward: witness: trusting the server's key {TreeHeadVerifier.KeyIdOf(key)}; pin it with --public-key");
        }

        for (var poll = 1; polls is null || poll <= polls; poll++)
        {
            if (poll > 1)
            {
                try
                {
                    await Task.Delay(interval, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return ExitCodes.Ok;
                }
            }

            SignedTreeHead next;
            byte[][] proof;
            try
            {
                next = ToSigned(await client.GetLedgerHeadAsync(cancellationToken));
                proof = last is { Head.TreeSize: > 0 } && next.Head.TreeSize > last.Head.TreeSize
                    ? (await client.GetLedgerConsistencyProofAsync(last.Head.TreeSize, next.Head.TreeSize, cancellationToken)).Path.Select(Convert.FromHexString).ToArray()
                    : [];
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested
                && (e is HttpRequestException or TaskCanceledException || e is StewardApiException { StatusCode: >= System.Net.HttpStatusCode.InternalServerError }))
            {
                // A server that is down or busy is no evidence against the log: say so and poll again.
                await Console.Error.WriteLineAsync($"steward: witness: poll {poll} failed: {e.Message.ReplaceLineEndings(" ")}");
                continue;
            }

            var verdict = HeadWitness.Check(last, next, proof, key);
            if (!verdict.Consistent) throw new CliException($"witness: inconsistent head: {verdict.Problem}", ExitCodes.Refused);
            if (!verdict.Grew) continue;
            await File.AppendAllTextAsync(file, HeadsFile.Format(next) + "\n", cancellationToken);
            Console.Out.WriteLine($"head {next.Head.TreeSize} {next.Head.RootHashHex} {next.Head.TimestampText} consistent");
            last = next;
        }

        return ExitCodes.Ok;
    }

    private static SignedTreeHead ToSigned(LedgerHead head) =>
        HeadsFile.FromPublished(head.TreeSize, head.RootHash, head.Timestamp, head.Signature, head.PublicKey);
}
