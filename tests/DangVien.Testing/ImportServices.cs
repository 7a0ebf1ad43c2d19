using DangVien.Core.Data;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Features.Categories;
using DangVien.Core.Features.Import;
using DangVien.Core.Features.Quotas;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Testing;

/// <summary>An <see cref="ImportService"/> built by hand over one context and user, with the services it writes through.</summary>
public static class ImportServices
{
    public static ImportService Create(DangVienDbContext db, CurrentAccess access, TimeProvider time)
    {
        var calendar = new CalendarService(db);
        var parameters = new RuleParameterReader(db);
        var admission = new AdmissionService(db, calendar, parameters, access, CoreValidators.All, time, NullLogger<AdmissionService>.Instance);
        var quotas = new QuotaService(db, access, parameters, CoreValidators.For<AssignQuotasRequest>(), time, NullLogger<QuotaService>.Instance);
        var categories = new SourceCategoryService(db, access, CoreValidators.For<AddSourceCategoryRequest>(), CoreValidators.For<RenameSourceCategoryRequest>());
        return new ImportService(db, access, admission, calendar, parameters, CoreValidators.All, time, NullLogger<ImportService>.Instance, quotas, categories);
    }
}
