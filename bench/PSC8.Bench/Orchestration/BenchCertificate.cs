using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PSC8.Bench.Orchestration;

/// <summary>
/// The throw-away TLS identity of the benchmark's C8 Local: valid for 127.0.0.1 (PSC8.Client connects to the
/// address) and for every region's NAME.domain and api-NAME.domain (jsC8 connects to those). Self-signed and
/// marked as a CA, so that it can be the only trust anchor: SSL_CERT_FILE for .NET, NODE_EXTRA_CA_CERTS for node.
/// </summary>
public static class BenchCertificate
{
    public const string CertificateFile = "c8local-bench.pem";
    public const string KeyFile = "c8local-bench-key.pem";

    public static void Write(string folder, IEnumerable<string> regions, string domain)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=C8 Local benchmark", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        foreach (var region in regions)
        {
            names.AddDnsName($"{region}.{domain}");
            names.AddDnsName($"api-{region}.{domain}");
        }
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(2));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, CertificateFile), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, KeyFile), key.ExportPkcs8PrivateKeyPem());
    }
}
