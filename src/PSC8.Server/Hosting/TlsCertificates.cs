using System.Security.Cryptography.X509Certificates;

namespace PSC8.Server.Hosting;

/// <summary>Loads the PEM certificate and key given with --tls-cert/--tls-key.</summary>
internal static class TlsCertificates
{
    public static X509Certificate2 Load(string certificatePath, string keyPath)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            // Export and reload so the private key is usable by SslStream on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException($"Cannot load the TLS certificate '{certificatePath}' with key '{keyPath}': {e.Message}", e);
        }
    }
}
