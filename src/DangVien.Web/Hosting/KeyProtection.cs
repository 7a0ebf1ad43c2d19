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
/// "Deploying"). A file that cannot be read stops the app at start with an error that names the setting.
/// </summary>
public static class KeyProtection
{
    private const string Section = "DataProtection";

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

    private static X509Certificate2? Load(IConfiguration configuration, string pathKey, string passwordKey)
    {
        var path = configuration[$"{Section}:{pathKey}"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:{passwordKey}"]);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{Section}:{pathKey}: the certificate {path} cannot be read ({exception.Message.TrimEnd('.')}): check the file and {Section}:{passwordKey}.", exception);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException($"{Section}:{pathKey}: the certificate {path} has no RSA private key: the keys could not be decrypted with it.");
        }

        return certificate;
    }
}
