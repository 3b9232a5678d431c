using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PSC8.TestSupport;

/// <summary>A throw-away self-signed certificate for the hosts C8 Local advertises, written as PEM files.</summary>
public sealed class TestCertificate : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "c8cert-" + Guid.NewGuid().ToString("N"));

    public TestCertificate(IEnumerable<string> hosts)
    {
        Directory.CreateDirectory(_folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=C8 Local test", key, HashAlgorithmName.SHA256);
        // Marked as its own CA so that Node accepts it as a trust anchor through NODE_EXTRA_CA_CERTS.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            names.AddDnsName(host);
        }
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        CertificatePath = Path.Combine(_folder, "c8local.pem");
        KeyPath = Path.Combine(_folder, "c8local-key.pem");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
