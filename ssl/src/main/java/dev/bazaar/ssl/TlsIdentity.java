package dev.bazaar.ssl;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name and host names a leaf certificate is issued for.
 *
 * <p>The name becomes the keystore file name and alias ({@code <name>.p12}) and the certificate's
 * CN, so it is restricted to {@code [a-z0-9-]+}: safe as a file name and stable as a principal.
 * The unit becomes the OU, which lets brokers map certificates to principals with
 * {@code ssl.principal.mapping.rules}. Host names are added as subject alternative names next to
 * the loopback names every certificate carries; they are lower-cased because DNS names compare
 * case-insensitively and IP literals are accepted as IP address entries.
 *
 * @param name the identity's name, e.g. {@code kafka-1}
 * @param unit the organizational unit, e.g. {@code kafka-node}
 * @param hostNames extra DNS names or IP literals the identity is reached at
 */
public record TlsIdentity(String name, String unit, List<String> hostNames) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    /** Validates the identity and normalises its host names. */
    public TlsIdentity {
        requireValidName(name);
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("TLS identity " + name + " needs a non-blank unit");
        }
        Objects.requireNonNull(hostNames, "hostNames");
        hostNames = hostNames.stream().map(TlsIdentity::normaliseHostName).distinct().toList();
    }

    /** Rejects names that are not usable as a keystore file name and alias. */
    static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("TLS identity name must match [a-z0-9-]+: " + name);
        }
        return name;
    }

    private static String normaliseHostName(String hostName) {
        if (hostName == null || hostName.isBlank() || hostName.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Invalid host name for a TLS identity: '" + hostName + "'");
        }
        return hostName.toLowerCase(Locale.ROOT);
    }
}
