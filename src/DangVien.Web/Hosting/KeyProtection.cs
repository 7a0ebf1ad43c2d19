using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace DangVien.Web.Hosting;

/// <summary>
/// Encrypts the data protection keys at rest (table <c>data_protection_keys</c>) with a certificate when one is
/// configured: <c>DataProtection:CertificatePath</c>, a PKCS#12 (.pfx) file with its private key, and
/// <c>DataProtection:CertificatePassword</c>. Whoever reads the database or a backup without the file then cannot forge a
/// sign-in. When the certificate changes, <c>DataProtection:PreviousCertificatePath</c> (and <c>…Password</c>) names the
/// old one, which still decrypts the keys it encrypted. Without a certificate the keys are stored unencrypted (README,
/// "Deploying"). A file that cannot be read stops the app before it serves, with one line naming the setting (<see cref="Problem"/>).
/// </summary>
public static class KeyProtection
{
    private const string Section = "DataProtection";

    /// <summary>Null when no certificate is configured or every configured one can be read; otherwise the one line that refuses the start.</summary>
    public static string? Problem(IConfiguration configuration) =>
        Read(configuration, "CertificatePath", "CertificatePassword").Problem ?? Read(configuration, "PreviousCertificatePath", "PreviousCertificatePassword").Problem;

    public static IDataProtectionBuilder ProtectKeysWhenConfigured(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        if (Load(configuration, "CertificatePath", "CertificatePassword") is not { } certificate)
        {
            return builder;
        }

        // Decrypting looks the certificate up in the machine's stores unless it is given here (on Linux it must be).
        var decrypting = Load(configuration, "PreviousCertificatePath", "PreviousCertificatePassword") is { } previous ? new[] { certificate, previous } : [certificate];
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(decrypting);
    }

    /// <summary>The configured certificate, null when none is; one that cannot be read throws, so keys are never written unencrypted by mistake.</summary>
    private static X509Certificate2? Load(IConfiguration configuration, string pathKey, string passwordKey)
    {
        var (certificate, problem) = Read(configuration, pathKey, passwordKey);
        return problem is null ? certificate : throw new InvalidOperationException(problem);
    }

    private static (X509Certificate2? Certificate, string? Problem) Read(IConfiguration configuration, string pathKey, string passwordKey)
    {
        var path = configuration[$"{Section}:{pathKey}"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return (null, null);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:{passwordKey}"]);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return (null, $"Refusing to start: {Section}:{pathKey}: the certificate {path} cannot be read ({exception.Message.Trim().TrimEnd('.')}): check the file and {Section}:{passwordKey}.");
        }

        return certificate.HasPrivateKey && certificate.GetRSAPrivateKey() is not null
            ? (certificate, null)
            : (null, $"Refusing to start: {Section}:{pathKey}: the certificate {path} has no RSA private key, so the keys could not be decrypted with it.");
    }
}
