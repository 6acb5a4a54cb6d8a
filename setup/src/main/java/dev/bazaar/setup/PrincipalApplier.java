package dev.bazaar.setup;

import dev.bazaar.common.Secrets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;

/**
 * Gives each principal its SCRAM-SHA-512 credential on a cluster, with the password generated once
 * into {@code var/secrets/}. A principal whose credential exists keeps it.
 */
final class PrincipalApplier {

    static final int ITERATIONS = 8192;

    private final Admin admin;
    private final Secrets secrets;
    private final SetupReport report;

    PrincipalApplier(Admin admin, Secrets secrets, SetupReport report) {
        this.admin = admin;
        this.secrets = secrets;
        this.report = report;
    }

    void apply(String clusterName, List<String> principals) throws ExecutionException, InterruptedException {
        Set<String> withCredential = admin.describeUserScramCredentials().all().get().values().stream()
                .filter(d -> d.credentialInfos().stream().anyMatch(i -> i.mechanism() == ScramMechanism.SCRAM_SHA_512))
                .map(UserScramCredentialsDescription::name)
                .collect(Collectors.toSet());
        List<UserScramCredentialAlteration> upserts = principals.stream()
                .filter(p -> !withCredential.contains(p) || !secrets.exists(p))
                .<UserScramCredentialAlteration>map(p -> new UserScramCredentialUpsertion(p,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), secrets.password(p)))
                .toList();
        if (upserts.isEmpty()) {
            return;
        }
        admin.alterUserScramCredentials(upserts).all().get();
        upserts.forEach(u -> report.changed("set the SCRAM-SHA-512 credential of " + u.user() + " on " + clusterName));
    }
}
