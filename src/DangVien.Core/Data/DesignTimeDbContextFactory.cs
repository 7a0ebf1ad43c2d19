using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DangVien.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the web host or a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DangVienDbContext>
{
    public DangVienDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DangVienDbContext>()
            .UseNpgsql("Host=localhost;Database=dangvien_design", DangVienDbContextOptions.ConfigureNpgsql)
            .Options;
        return new DangVienDbContext(options);
    }
}
