using System.Text.RegularExpressions;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using NpgsqlTypes;

namespace DangVien.Core.Features.Import;

public sealed partial class ImportService
{
    private static readonly Dictionary<string, OrgUnitKind> UnitKinds = new(StringComparer.Ordinal)
    {
        ["tinh"] = OrgUnitKind.Province,
        ["dang_uy_cap_tren"] = OrgUnitKind.UpperCommittee,
        ["dang_uy_xa"] = OrgUnitKind.CommuneCommittee,
        ["dang_bo_co_so"] = OrgUnitKind.GrassrootsCommittee,
        ["chi_bo_co_so"] = OrgUnitKind.GrassrootsCell,
        ["chi_bo"] = OrgUnitKind.Cell,
    };

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex UnitCode();

    /// <summary>A unit to create: its parent is an existing unit or an earlier row of the file.</summary>
    private sealed class NewUnit(string code, string name, OrgUnitKind kind, DateOnly validFrom, bool authority, UnitInfo? existingParent, NewUnit? fileParent)
    {
        public string Code { get; } = code;
        public string Name { get; } = name;
        public OrgUnitKind Kind { get; } = kind;
        public DateOnly ValidFrom { get; } = validFrom;
        public bool Authority { get; } = authority;
        public UnitInfo? ExistingParent { get; } = existingParent;
        public NewUnit? FileParent { get; } = fileParent;
        public int Id { get; set; }
        public string Path { get; set; } = "";
    }

    private async Task<ImportPlan> PlanUnitsAsync(ImportTable table, AccessScope scope, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        // Codes are unique in the whole tree, so a row's own code is looked up everywhere: one taken outside the user's
        // scope is refused without naming its unit, and a parent code still has to be readable (WritableUnit).
        var units = await UnitsByCodeAsync(db.OrgUnits, table.Rows.SelectMany(r => new[] { r["ma_don_vi"], r["ma_don_vi_cap_tren"] }), cancellationToken);
        var inFile = new Dictionary<string, (int Row, NewUnit? Unit)>(StringComparer.Ordinal);
        var planned = new List<NewUnit>();
        var existing = 0;
        var today = time.Today();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var values = new ImportValues(row, errors);
            var code = values.Text("ma_don_vi", required: true);
            var name = values.Text("ten_don_vi", required: true);
            var kind = values.Choice("loai", UnitKinds, required: true);
            var parentCode = values.Text("ma_don_vi_cap_tren", required: true);
            var validFrom = values.Date("ngay_thanh_lap", required: true);
            var authority = values.YesNo("tham_quyen_ket_nap") ?? false;
            if (code is not null && !UnitCode().IsMatch(code))
            {
                values.Error("ma_don_vi", CoreText.Format("Import.BadUnitCode", code));
            }

            if (name is { Length: > 200 })
            {
                values.Error("ten_don_vi", CoreText.Get("Import.UnitNameTooLong"));
            }
            else if (TextRules.Check(name, CoreText.Get("Import.UnitName")) is { } nameProblem)
            {
                values.Error("ten_don_vi", nameProblem);
            }

            if (validFrom > today)
            {
                values.Error("ngay_thanh_lap", CoreText.Format("Import.FoundedInFuture", validFrom.Value.Display(), today.Display()));
            }

            if (kind == OrgUnitKind.Province)
            {
                values.Error("loai", CoreText.Get("Import.NoProvince"));
            }

            if (code is not null && inFile.TryGetValue(code, out var earlier))
            {
                values.Error("ma_don_vi", CoreText.Format("Import.DuplicateCode", code, earlier.Row));
                continue;
            }

            if (code is not null && units.TryGetValue(code, out var already))
            {
                // The natural key: a unit with this code exists, so the row was imported before (or the code is taken).
                if (scope.CanRead(already.Path))
                {
                    existing++;
                }
                else
                {
                    values.Error("ma_don_vi", CoreText.Format("Import.CodeTaken", code));
                }

                inFile[code] = (row.Number, null);
                continue;
            }

            UnitInfo? parent = null;
            NewUnit? fileParent = null;
            var parentKind = (OrgUnitKind?)null;
            if (parentCode is not null && inFile.TryGetValue(parentCode, out var parentRow) && parentRow.Unit is not null)
            {
                fileParent = parentRow.Unit;
                parentKind = fileParent.Kind;
            }
            else if (parentCode is not null && inFile.TryGetValue(parentCode, out var badParent) && badParent.Unit is null && !units.ContainsKey(parentCode))
            {
                values.Error("ma_don_vi_cap_tren", CoreText.Format("Import.BadParentRow", parentCode, badParent.Row));
            }
            else if ((parent = WritableUnit(values, "ma_don_vi_cap_tren", parentCode, units, scope, CoreText.Get("Import.WhatParent"))) is not null)
            {
                parentKind = parent.Kind;
                if (parent.ValidTo is { } closed)
                {
                    values.Error("ma_don_vi_cap_tren", CoreText.Format("Import.ParentClosed", parent.Name, closed.AddDays(1).Display()));
                }
            }

            if (parentKind is { } pk && kind is { } k)
            {
                if (pk.IsCell())
                {
                    values.Error("ma_don_vi_cap_tren", CoreText.Format("Import.ParentIsCell", parentCode));
                }
                else if (!k.CanBeUnder(pk))
                {
                    values.Error("loai", CoreText.Format("Import.KindUnderParent", row["loai"]));
                }
            }

            if (errors.Count > before)
            {
                if (code is not null)
                {
                    inFile[code] = (row.Number, null);
                }

                continue;
            }

            var unit = new NewUnit(code!, name!, kind!.Value, validFrom!.Value, authority, parent, fileParent);
            inFile[code!] = (row.Number, unit);
            planned.Add(unit);
        }

        return new ImportPlan(errors, existing, planned.Count, async (connection, ct) =>
        {
            var ids = await NextIdsAsync(connection, "org_units", planned.Count, ct);
            for (var i = 0; i < planned.Count; i++)
            {
                var unit = planned[i];
                unit.Id = (int)ids[i];
                var parentPath = unit.FileParent?.Path ?? (string)unit.ExistingParent!.Path;
                unit.Path = $"{parentPath}.{unit.Id}";
            }

            await BulkWriter.CopyAsync(connection, "org_units (id, code, name, kind, parent_id, path, valid_from, valid_to, has_admission_authority)", planned,
                static async (w, u, c) =>
                {
                    await w.WriteAsync(u.Id, NpgsqlDbType.Integer, c);
                    await w.WriteAsync(u.Code, NpgsqlDbType.Varchar, c);
                    await w.WriteAsync(u.Name, NpgsqlDbType.Varchar, c);
                    await w.WriteAsync((short)u.Kind, NpgsqlDbType.Smallint, c);
                    await w.WriteAsync(u.FileParent?.Id ?? u.ExistingParent!.Id, NpgsqlDbType.Integer, c);
                    await w.WriteAsync(u.Path, NpgsqlDbType.LTree, c);
                    await w.WriteAsync(u.ValidFrom, NpgsqlDbType.Date, c);
                    await w.WriteNullAsync(c);
                    await w.WriteAsync(u.Authority, NpgsqlDbType.Boolean, c);
                }, ct);
            await BulkWriter.CopyAsync(connection, "org_unit_placements (org_unit_id, parent_id, path, valid_from, valid_to)", planned,
                static async (w, u, c) =>
                {
                    await w.WriteAsync(u.Id, NpgsqlDbType.Integer, c);
                    await w.WriteAsync(u.FileParent?.Id ?? u.ExistingParent!.Id, NpgsqlDbType.Integer, c);
                    await w.WriteAsync(u.Path, NpgsqlDbType.LTree, c);
                    await w.WriteAsync(u.ValidFrom, NpgsqlDbType.Date, c);
                    await w.WriteNullAsync(c);
                }, ct);
            return planned.Count;
        });
    }
}
