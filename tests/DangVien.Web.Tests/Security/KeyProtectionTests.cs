using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Web.Tests.Security;

/// <summary>
/// The data protection keys in the database, unencrypted by default and encrypted with a configured certificate
/// (<c>DataProtection:CertificatePath</c>): then an instance with the certificate reads them and one without cannot.
/// </summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string Password = "mat-khau-chung-chi";
    private readonly string _folder = Directory.CreateTempSubdirectory("dangvien-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Without_a_certificate_the_keys_are_stored_unencrypted()
    {
        await using var app = await DangVienApp.StartAsync();
        var token = Protect(app);

        var xml = Assert.Single(await KeysAsync(app));
        Assert.Contains("<masterKey", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.Equal("bí mật", Unprotect(app, token));
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_encrypted_read_by_an_instance_with_it_and_not_by_one_without()
    {
        var certificate = Certificate("dangvien-keys.pfx");
        await using var app = await DangVienApp.StartAsync();
        Configure(app, certificate);
        var token = Protect(app);

        var xml = Assert.Single(await KeysAsync(app));
        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);

        await using (var withIt = app.StartAgain())
        {
            Configure(withIt, certificate);
            Assert.Equal("bí mật", Unprotect(withIt, token));
        }

        await using var without = app.StartAgain();
        Assert.ThrowsAny<CryptographicException>(() => Unprotect(without, token));
    }

    [Fact]
    public async Task After_a_change_of_certificate_the_previous_one_still_reads_the_keys_it_encrypted()
    {
        var old = Certificate("cu.pfx");
        await using var app = await DangVienApp.StartAsync();
        Configure(app, old);
        var token = Protect(app);

        await using var renewed = app.StartAgain();
        Configure(renewed, Certificate("moi.pfx"));
        renewed.Settings["DataProtection:PreviousCertificatePath"] = old;
        renewed.Settings["DataProtection:PreviousCertificatePassword"] = Password;
        Assert.Equal("bí mật", Unprotect(renewed, token));
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_with_one_line_naming_the_setting()
    {
        // No database is reachable: the refusal comes before any connection.
        var (exitCode, stderr) = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["DataProtection__CertificatePath"] = Certificate("sai-mat-khau.pfx"),
            ["DataProtection__CertificatePassword"] = "không đúng",
            ["ConnectionStrings__DangVien"] = AppProcess.NoDatabase,
        });

        Assert.Equal(1, exitCode);
        Assert.Single(stderr.Split('\n'));
        Assert.StartsWith("Refusing to start: DataProtection:CertificatePath: the certificate ", stderr, StringComparison.Ordinal);
        Assert.EndsWith("check the file and DataProtection:CertificatePassword.", stderr, StringComparison.Ordinal);
    }

    private static void Configure(DangVienApp app, string certificate)
    {
        app.Settings["DataProtection:CertificatePath"] = certificate;
        app.Settings["DataProtection:CertificatePassword"] = Password;
    }

    private static string Protect(DangVienApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyProtectionTests").Protect("bí mật");

    private static string Unprotect(DangVienApp app, string token) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyProtectionTests").Unprotect(token);

    private static async Task<List<string>> KeysAsync(DangVienApp app)
    {
        await using var db = app.Database.CreateContext();
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
    }

    /// <summary>A self-signed RSA certificate with its private key, as a password-protected .pfx file.</summary>
    private string Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DangVien data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
