using DangVien.Core.Features.Papers;

namespace DangVien.Core.Tests.Features.Papers;

/// <summary>The batch form's range (at most 366 days, the end not before the start) and when a batch gives no paper.</summary>
public sealed class PaperBatchRequestTests
{
    [Theory]
    [InlineData("01/01/2025", "01/01/2025")]
    [InlineData("01/01/2024", "31/12/2024")]
    [InlineData("2025-06-01", "2026-06-01")]
    public void A_range_of_one_to_366_days_is_read(string start, string end)
    {
        var (request, errors) = PaperBatchRequest.Read("9", start, end);

        Assert.Empty(errors);
        Assert.Equal(PaperKind.AdmissionDecision, request!.Kind);
    }

    [Theory]
    [InlineData("01/01/2025", "02/01/2026", "end", "Mỗi lần in tối đa 366 ngày: chọn khoảng ngắn hơn.")]
    [InlineData("02/01/2025", "01/01/2025", "end", "Ngày cuối phải từ ngày đầu trở về sau.")]
    [InlineData("29/02/2025", "01/03/2025", "start", "Không có ngày 29/02/2025.")]
    [InlineData("", "01/03/2025", "start", "Nhập ngày (ngày/tháng/năm).")]
    public void A_range_that_cannot_be_read_is_refused_at_its_field(string start, string end, string field, string message)
    {
        var (request, errors) = PaperBatchRequest.Read("9", start, end);

        Assert.Null(request);
        Assert.Equal([(field, message)], errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Every_field_that_cannot_be_read_says_so_in_one_pass()
    {
        var (_, errors) = PaperBatchRequest.Read("99", "hôm qua", null);

        Assert.Equal(["kind", "start", "end"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(PaperService.MaxBatch, null)]
    [InlineData(0, "Không có giấy tờ 9-KNĐ nào từ 01/06/2025 đến 30/06/2025 trong đơn vị này.")]
    [InlineData(PaperService.MaxBatch + 1, "Khoảng này có 101 giấy tờ, quá 100 giấy tờ một lần in: chọn khoảng ngắn hơn hoặc đơn vị nhỏ hơn.")]
    public void A_batch_gives_from_one_to_a_hundred_papers(int found, string? refusal)
    {
        var request = new PaperBatchRequest(PaperKind.AdmissionDecision, new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30));

        Assert.Equal(refusal, request.Refusal(found));
    }
}
