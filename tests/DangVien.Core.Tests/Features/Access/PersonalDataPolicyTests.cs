using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Access;

/// <summary>Who sees which groups of personal data, per role and per cell (<see cref="PersonalDataPolicy"/>), no database.</summary>
public sealed class PersonalDataPolicyTests
{
    private static readonly LTree Province = new("1");
    private static readonly LTree Commune = new("1.2");
    private static readonly LTree CellA = new("1.2.3");
    private static readonly LTree CellB = new("1.2.4");

    /// <summary>The groups in the order of the columns of the table in docs/SECURITY.md.</summary>
    private static readonly PersonalFields[] Columns =
        [PersonalFields.BirthDate, PersonalFields.CitizenId, PersonalFields.Contact, PersonalFields.Origins, PersonalFields.Family];

    [Fact]
    public void Every_role_has_a_line_in_the_table()
    {
        Assert.Equal(Enum.GetValues<AccessRole>().Order(), PersonalDataPolicy.ByRole.Keys.Order());
    }

    [Fact]
    public void The_provincial_board_sees_no_group_anywhere_in_its_province()
    {
        var board = Scope((Province, AccessRole.ProvincialBoard));
        Assert.Equal(PersonalFields.None, board.PersonalFieldsAt(CellA));
        Assert.Equal(PersonalFields.None, board.PersonalFieldsAt(Commune));
        Assert.Empty(board.PersonalDataRoots(PersonalFields.CitizenId));
    }

    [Fact]
    public void A_cell_secretary_sees_everything_of_the_own_cell_and_committee_staff_of_their_subtree()
    {
        var secretary = Scope((CellA, AccessRole.CellSecretary));
        Assert.Equal((PersonalFields.All, PersonalFields.None), (secretary.PersonalFieldsAt(CellA), secretary.PersonalFieldsAt(CellB)));
        var staff = Scope((Commune, AccessRole.CommitteeStaff));
        Assert.Equal((PersonalFields.All, PersonalFields.All, PersonalFields.None), (staff.PersonalFieldsAt(CellA), staff.PersonalFieldsAt(CellB), staff.PersonalFieldsAt(new LTree("1.9.10"))));
        Assert.Equal(PersonalFields.All, AccessScope.Everything("admin").PersonalFieldsAt(CellB));
    }

    [Fact]
    public void Several_grants_give_the_union_for_the_cells_each_covers()
    {
        var both = Scope((Province, AccessRole.ProvincialBoard), (CellA, AccessRole.CellSecretary));
        Assert.Equal((PersonalFields.All, PersonalFields.None), (both.PersonalFieldsAt(CellA), both.PersonalFieldsAt(CellB)));
        Assert.Equal([CellA], both.PersonalDataRoots(PersonalFields.CitizenId));
    }

    [Fact]
    public void A_hidden_group_s_values_are_null_and_the_year_of_birth_stays()
    {
        var shown = PersonalFields.Contact;
        Assert.Equal("Số 5", shown.Keep(PersonalFields.Contact, "Số 5"));
        Assert.Null(shown.Keep(PersonalFields.CitizenId, "001200012345"));
        Assert.Null(shown.KeepBirthDate(new DateOnly(2000, 4, 12)));
        Assert.Equal(new DateOnly(2000, 4, 12), PersonalFields.All.KeepBirthDate(new DateOnly(2000, 4, 12)));
    }

    [Fact]
    public void The_table_in_SECURITY_md_is_the_policy()
    {
        var lines = File.ReadAllLines(Path.Combine(PostgresServer.RepositoryRoot(), "docs", "SECURITY.md"));
        foreach (var (role, fields) in PersonalDataPolicy.ByRole)
        {
            var line = Assert.Single(lines, l => l.StartsWith($"| `{role}` |", StringComparison.Ordinal));
            var cells = line.Split('|', StringSplitOptions.TrimEntries)[3..^1];
            Assert.Equal(Columns.Select(c => fields.Shows(c) ? "✓" : "—"), cells);
        }
    }

    private static AccessScope Scope(params (LTree Path, AccessRole Role)[] grants) =>
        AccessScope.For("user", [.. grants.Select((g, i) => new UnitGrant(i + 1, g.Path, OrgUnitKind.Cell, g.Role))]);
}
