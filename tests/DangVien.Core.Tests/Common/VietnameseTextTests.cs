using DangVien.Core.Common;

namespace DangVien.Core.Tests.Common;

public sealed class VietnameseTextTests
{
    [Fact]
    public void Names_are_listed_by_given_name_in_Vietnamese_dictionary_order()
    {
        string[] names = ["Nguyễn Thị Bình", "Trần Văn Đức", "Lê Văn Dũng", "Phạm Thị Ánh", "Trần Văn An", "Lê Thị Bình", "Hoàng Ân"];

        var sorted = names.Order(VietnameseText.GivenNameOrder).ToList();

        Assert.Equal(["Trần Văn An", "Phạm Thị Ánh", "Hoàng Ân", "Lê Thị Bình", "Nguyễn Thị Bình", "Lê Văn Dũng", "Trần Văn Đức"], sorted);
    }

    [Theory]
    [InlineData("Nguyễn Văn Đức", "duc", true)]
    [InlineData("Nguyễn Văn Đức", "ĐỨC", true)]
    [InlineData("Nguyễn Văn Đức", "nguyen van", true)]
    [InlineData("Nguyễn Văn Đức", "Nguyễn", true)]
    [InlineData("Nguyễn Văn Đức", "dung", false)]
    [InlineData("Lê Thị Hằng", "hang", true)]
    [InlineData("Lê Thị Hằng", "", true)]
    public void A_name_is_found_with_or_without_its_marks(string name, string term, bool found) =>
        Assert.Equal(found, VietnameseText.ContainsLoosely(name, term));

    [Fact]
    public void Folding_drops_every_mark_and_reads_đ_as_d() =>
        Assert.Equal("Nguyen Van Duc, Dang Thi Hang, o o o", VietnameseText.Fold("Nguyễn Văn Đức, Đặng Thị Hằng, ồ ộ ở"));
}
