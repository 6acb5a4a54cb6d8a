package dev.bazaar.common.http;

import dev.bazaar.common.HttpUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks HTTP basic credentials against the users' secrets in constant time: the name and the password
 * sent are hashed and compared with every user's, all of them, with {@link MessageDigest#isEqual}, so
 * neither which user matched nor how much of a password was right shows in the time taken.
 */
final class Authenticator {

    private static final String SCHEME = "Basic ";

    /** The outcome: no credentials sent, a user, or credentials sent and refused. */
    record Result(boolean sent, Optional<HttpUser> user) {

        static final Result NONE = new Result(false, Optional.empty());
        static final Result REFUSED = new Result(true, Optional.empty());

        boolean refused() {
            return sent && user.isEmpty();
        }
    }

    private record Known(HttpUser user, byte[] name, byte[] password) {
    }

    private final List<Known> users = new ArrayList<>();

    /** @param passwords every user the server knows, with its password */
    Authenticator(Map<HttpUser, String> passwords) {
        passwords.forEach((user, password) -> users.add(new Known(user, digest(user.name()), digest(password))));
    }

    /** Checks the values of the {@code Authorization} header (null or empty: none sent). */
    Result authenticate(List<String> authorization) {
        if (authorization == null || authorization.isEmpty()) {
            return Result.NONE;
        }
        if (authorization.size() != 1) {
            return Result.REFUSED;
        }
        Optional<String[]> credentials = decode(authorization.getFirst());
        if (credentials.isEmpty()) {
            return Result.REFUSED;
        }
        byte[] name = digest(credentials.get()[0]);
        byte[] password = digest(credentials.get()[1]);
        HttpUser matched = null;
        for (Known known : users) {
            boolean nameEqual = MessageDigest.isEqual(known.name(), name);
            boolean passwordEqual = MessageDigest.isEqual(known.password(), password);
            if (nameEqual & passwordEqual) {
                matched = known.user();
            }
        }
        return matched == null ? Result.REFUSED : new Result(true, Optional.of(matched));
    }

    /** {@code [user, password]} of a well-formed {@code Basic <base64(user:password)>} value. */
    private static Optional<String[]> decode(String value) {
        if (value.length() <= SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value.substring(SCHEME.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? Optional.empty()
                : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
