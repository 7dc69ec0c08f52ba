using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace ClassifyPipeline.Cluster.Hosting;

/// <summary>
/// TLS between the members of a cluster: every silo and client holds the cluster's one certificate (with its key),
/// presents it, and accepts a peer only if the peer presents that same certificate (pinned by its bytes, so a
/// self-signed certificate made for the cluster is enough, and a certificate from any other source is refused).
/// </summary>
public static class ClusterTls
{
    /// <summary>Loads the certificate: PKCS#12 (<c>.pfx</c>, <c>.p12</c>) or PEM holding the certificate and its private key.</summary>
    public static X509Certificate2 Load(string path, string? password)
    {
        try
        {
            var certificate = Path.GetExtension(path).ToLowerInvariant() is ".pem" or ".crt"
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
                throw new ArgumentException($"--tls '{path}': the certificate comes without its private key; a member must be able to present it");
            return certificate;
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"--tls '{path}': not a certificate with its key ({e.Message})", e);
        }
    }

    /// <summary>Presents <paramref name="certificate"/>, requires the peer's, and accepts only the same certificate.</summary>
    public static void Configure(TlsOptions options, X509Certificate2 certificate)
    {
        var pinned = certificate.RawData;
        options.LocalCertificate = certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) => remote is not null && remote.RawData.AsSpan().SequenceEqual(pinned);
    }
}
