package dev.bazaar.ssl;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A private key with the certificate issued for it; kept together because keystores store them as one entry. */
record IssuedKey(PrivateKey key, X509Certificate certificate) {
}
