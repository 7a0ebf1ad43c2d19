using System.Globalization;
using System.Text;
using Npgsql;

namespace DangVien.Load;

/// <param name="Confirmed">Writes the app confirmed to the user.</param>
/// <param name="Lost">Confirmed writes not in the database.</param>
/// <param name="Duplicated">Writes (confirmed or not) found more than once.</param>
/// <param name="UnconfirmedSaved">Writes the user was not told about (no answer, 503) that are in the database once: allowed, never twice.</param>
public sealed record Verification(int Confirmed, int Lost, int Duplicated, int UnconfirmedSaved, int Unconfirmed, long FilesOfRun, long EntriesOfRun);

/// <summary>Counts every write of the run in the database once the traffic has stopped.</summary>
public static class Verifier
{
    public static async Task<Verification> VerifyAsync(LoadOptions options, Ledger ledger)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"9{options.RunId % 1000:000}");
        // A fresh connection, not one from the pool: after an outage the pooled ones are dead.
        var fresh = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(fresh.ConnectionString);

        // The database may still be starting after an outage at the very end: try for a minute.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await connection.OpenAsync();
                break;
            }
            catch (NpgsqlException) when (attempt < 60)
            {
                await Task.Delay(1000);
            }
        }

        var files = new Dictionary<string, (int Id, int Count)>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT citizen_id, min(id), count(*) FROM candidates WHERE citizen_id LIKE @prefix || '%' AND length(citizen_id) = 12 GROUP BY citizen_id", connection))
        {
            command.Parameters.AddWithValue("prefix", prefix);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                files[reader.GetString(0)] = (reader.GetInt32(1), (int)reader.GetInt64(2));
            }
        }

        var fileIds = files.Values.Select(f => f.Id).ToArray();
        var entries = new Dictionary<(int, int), int>();
        await using (var command = new NpgsqlCommand(
            "SELECT candidate_id, kind, count(*) FROM stage_entries WHERE candidate_id = ANY(@ids) GROUP BY candidate_id, kind", connection))
        {
            command.Parameters.AddWithValue("ids", fileIds);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                entries[(reader.GetInt32(0), reader.GetInt16(1))] = (int)reader.GetInt64(2);
            }
        }

        int CountOf(Write write) => write.Kind switch
        {
            WriteKind.CreateFile => files.TryGetValue(write.Key, out var f) ? f.Count : 0,
            WriteKind.AwarenessCourse => entries.GetValueOrDefault((int.Parse(write.Key, CultureInfo.InvariantCulture), 2)),
            _ => entries.GetValueOrDefault((int.Parse(write.Key, CultureInfo.InvariantCulture), 3)),
        };

        var writes = ledger.Writes.ToList();
        var confirmed = writes.Where(w => w.Confirmed).ToList();
        var unconfirmed = writes.Where(w => !w.Confirmed).ToList();
        var duplicated = files.Values.Count(f => f.Count > 1) + entries.Values.Count(n => n > 1);
        return new Verification(
            confirmed.Count,
            confirmed.Count(w => CountOf(w) == 0),
            duplicated,
            unconfirmed.Count(w => CountOf(w) == 1),
            unconfirmed.Count,
            files.Values.Sum(f => f.Count),
            entries.Values.Sum());
    }
}

public static class Report
{
    public static string Write(LoadOptions options, Stats stats, Ledger ledger, Verification v)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var total = stats.Statuses.Values.Sum();
        text.AppendLine(invariant, $"requests\t{total}\t{total / stats.Elapsed.TotalSeconds:0.0} req/s over {stats.Elapsed.TotalSeconds:0} s, {options.Connections} connections");
        text.AppendLine("statuses\t" + string.Join(", ", stats.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}")));
        text.AppendLine("kind\tcount\tp50_ms\tp95_ms\tp99_ms\tmax_ms");
        foreach (var (kind, count, p50, p95, p99, max) in stats.Latencies())
        {
            text.AppendLine(invariant, $"{kind}\t{count}\t{p50:0.0}\t{p95:0.0}\t{p99:0.0}\t{max:0}");
        }

        var health = stats.HealthLog.OrderBy(h => h.At).ToList();
        var away = health.Where(h => h.Health != "ok").ToList();
        var window = away.Count > 0
            ? string.Create(invariant, $" from {away[0].At:0}s to {away[^1].At:0}s: ") + string.Join("; ", away.Select(h => h.Health).Distinct().Take(3))
            : "";
        text.AppendLine(invariant, $"health\t{health.Count} probes, {away.Count} not ok{window}");
        var firstOkAfter = away.Count > 0 ? health.FirstOrDefault(h => h.At > away[^1].At && h.Health == "ok") : default;
        if (away.Count > 0 && firstOkAfter.Health is not null)
        {
            text.AppendLine(invariant, $"recovered\thealth ok again at {firstOkAfter.At:0}s");
        }

        text.AppendLine(invariant, $"writes\t{ledger.Writes.Count} sent, {v.Confirmed} confirmed, {v.Unconfirmed} not confirmed ({v.UnconfirmedSaved} of them saved once)");
        text.AppendLine(invariant, $"database\t{v.FilesOfRun} files and {v.EntriesOfRun} history entries of this run");
        text.AppendLine(invariant, $"verify\tlost {v.Lost}, duplicated {v.Duplicated}");
        text.AppendLine(invariant, $"unexpected\t{stats.UnexpectedFailures}");
        foreach (var sample in stats.UnexpectedSamples)
        {
            text.AppendLine("  " + sample);
        }

        return text.ToString();
    }
}
