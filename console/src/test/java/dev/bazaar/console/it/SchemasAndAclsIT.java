package dev.bazaar.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.setup.PlatformSpec;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The schema and ACL pages against the real registry and clusters: every subject setup registers is
 * listed with its versions and ids, a subject's two versions are compared line by line, a subject that
 * does not exist is a 404 page naming it; each principal sees the ACLs setup/access.yaml declares for
 * it, and admin alone also sees every ACL in force on both clusters.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemasAndAclsIT implements TestPropertyProvider {

    /** A subject of this run only, with two compatible versions (see {@link TestSubjects}). */
    private static final String SUBJECT = "console-it-" + UUID.randomUUID().toString().substring(0, 8) + "-value";

    @Inject
    EmbeddedServer server;

    private RuntimeLayout layout;
    /** The schema ids of the subject's versions 1 and 2, at index 0 and 1. */
    private List<Integer> ids;

    @Override
    public Map<String, String> getProperties() {
        layout = Running.shared().layout();
        return Map.of("console.var-dir", layout.root().toString(), "micronaut.server.ssl.port", "-1");
    }

    @BeforeAll
    void aSubjectWithTwoVersions() throws Exception {
        ids = TestSubjects.withTwoVersions(layout, SUBJECT);
    }

    @Test
    void theSchemasPageListsEverySubjectSetupRegistersWithItsVersionsAndIds() throws Exception {
        // given the subjects setup registers, as setup declares them
        List<String> declared = PlatformSpec.load().topics(Cluster.MAIN).stream()
                .flatMap(topic -> topic.subjects().keySet().stream()).toList();
        assertThat(declared).as("setup's subjects").contains("items-value", "orders-value");

        // when admin opens the schemas page
        HttpResponse<String> page = signedIn("admin").get("/schemas");

        // then each is listed, linked, with its versions and ids, and so is this run's subject
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("the subjects").contains(declared.stream()
                .map(subject -> "<a href=\"/schemas/" + subject + "\">" + subject + "</a>").toArray(String[]::new));
        assertThat(page.body()).as("this run's two versions").contains("<a href=\"/schemas/" + SUBJECT
                + "?version=1\">v1</a> · id " + ids.get(0) + ", <a href=\"/schemas/" + SUBJECT
                + "?version=2\">v2</a> · id " + ids.get(1));
        assertThat(page.body()).as("the compatibility level").contains("global compatibility level is BACKWARD");
    }

    @Test
    void aSubjectPageShowsTheLatestSchemaAndTheChangesBetweenTwoVersions() throws Exception {
        ConsoleBrowser admin = signedIn("admin");

        // when the subject's page is opened, then asked for the changes from version 1 to 2, both ways of asking
        HttpResponse<String> latest = admin.get("/schemas/" + SUBJECT);
        HttpResponse<String> diff = admin.get("/schemas/" + SUBJECT + "?diff=1..2");
        HttpResponse<String> compared = admin.get("/schemas/" + SUBJECT + "?from=1&to=latest&version=1");

        // then the latest schema is shown pretty-printed, with every version's id and the compatibility level
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.body()).contains("<h2>Version 2 · schema id " + ids.get(1) + "</h2>",
                "&quot;text&quot; : {", "<b id=\"compatibility\">BACKWARD</b>", "<td class=\"num\">" + ids.get(0) + "</td>",
                "?diff=1..2\">from version 1</a>").doesNotContain("id=\"diff\"");
        // and the diff marks the added field and the brace before it that gained a comma
        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(diffLines(diff.body())).as("the diff").contains("added:+     },", "added:+     \"text\" : {",
                "added:+       \"type\" : \"string\"", "same:        \"type\" : \"string\"")
                .noneMatch(line -> line.startsWith("removed:"));
        assertThat(diff.body()).contains("Changes from version 1 to version 2", "3 line(s) added, 0 removed");
        assertThat(compared.body()).as("from and to, with version 1 shown").contains("Changes from version 1 to version 2",
                "<h2>Version 1 · schema id " + ids.get(0) + "</h2>");
    }

    @Test
    void anUnknownSubjectOrVersionIsA404PageNamingItAndABadVersionA400() throws Exception {
        ConsoleBrowser admin = signedIn("admin");
        String unknown = "no-such-subject-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> subject = admin.get("/schemas/" + unknown);
        HttpResponse<String> version = admin.get("/schemas/" + SUBJECT + "?version=7");
        HttpResponse<String> diff = admin.get("/schemas/" + SUBJECT + "?diff=1..9");
        HttpResponse<String> markup = admin.get("/schemas/%3Cb%3Ex");
        HttpResponse<String> bad = admin.get("/schemas/" + SUBJECT + "?version=seven");

        assertThat(subject.statusCode()).isEqualTo(404);
        assertThat(subject.body()).contains("The schema registry has no subject " + unknown + ".")
                .doesNotContain("Exception");
        assertThat(version.statusCode()).isEqualTo(404);
        assertThat(version.body()).contains("Subject " + SUBJECT + " has no version 7; its versions are 1, 2.");
        assertThat(diff.statusCode()).isEqualTo(404);
        assertThat(diff.body()).contains("has no version 9");
        assertThat(markup.statusCode()).isEqualTo(404);
        assertThat(markup.body()).contains("no subject &lt;b&gt;x.").doesNotContain("<b>x");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("version must be a version number from 1, or latest, was &#39;seven&#39;");
    }

    @Test
    void clientSeesTheAclsAccessYamlDeclaresForItAndNotTheClusters() throws Exception {
        // when client opens the ACL page, even asking for another principal's
        HttpResponse<String> page = signedIn("client").get("/acls?principal=filter");

        // then it shows client's declared grants, from setup/access.yaml, and nothing of the clusters
        int declared = PlatformSpec.load().principal("client").orElseThrow().acls().size();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(table(page.body(), "my-acls").split("<tr><td>", -1)).as("a row per declared line").hasSize(declared + 1);
        assertThat(page.body()).contains("What setup/access.yaml declares for principal <b>client</b>",
                "<tr><td>topic</td><td>client-search</td><td>literal</td><td>WRITE, DESCRIBE</td><td>main</td></tr>",
                "<tr><td>topic</td><td>recommendations</td><td>literal</td><td>READ, DESCRIBE</td><td>main</td></tr>")
                .doesNotContain("id=\"cluster-acls\"", "User:filter", "stream-filter");
    }

    @Test
    void adminSeesEveryAclInForceOnBothClustersAndFiltersThemByPrincipal() throws Exception {
        ConsoleBrowser admin = signedIn("admin");

        HttpResponse<String> all = admin.get("/acls");
        HttpResponse<String> filter = admin.get("/acls?principal=filter");
        HttpResponse<String> mirror = admin.get("/acls?principal=User%3Amirror");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("admin is the platform's super user", "id=\"cluster-acls\"",
                "<td>User:filter</td><td>group stream-filter</td><td>literal</td><td>READ</td><td>allow</td><td>*</td>",
                "<td>User:shop</td><td>topic items</td><td>literal</td><td>WRITE</td><td>allow</td><td>*</td>",
                "<option value=\"User:filter\">");
        assertThat(table(filter.body(), "acls-main")).as("filter's on main")
                .contains("<td>User:filter</td><td>topic stream-filter-</td><td>prefixed</td><td>CREATE</td>")
                .doesNotContain("User:shop");
        assertThat(filter.body()).containsPattern("\\d+ of the \\d+ ACL bindings on the main cluster are of User:filter");
        assertThat(table(mirror.body(), "acls-mirror")).as("mirror's on the mirror cluster")
                .contains("<td>User:mirror</td><td>topic main.</td><td>prefixed</td><td>ALTER_CONFIGS</td>");
    }

    private ConsoleBrowser signedIn(String principal) throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser(layout, "https://127.0.0.1:" + server.getPort());
        HttpResponse<String> answer = browser.signIn(principal, layout.secrets().password(principal));
        assertThat(answer.statusCode()).as("sign-in of %s: %s", principal, answer.body()).isEqualTo(303);
        return browser;
    }

    /** Each line of a page's diff as kind:text, with its HTML entities read back. */
    private static List<String> diffLines(String html) {
        Matcher line = Pattern.compile("<span class=\"(same|added|removed|skipped)\">([^<]*)</span>").matcher(html);
        List<String> lines = new ArrayList<>();
        while (line.find()) {
            lines.add(line.group(1) + ":" + line.group(2).replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        }
        return lines;
    }

    /** The HTML of the table with {@code id}, empty when the page has none. */
    private static String table(String html, String id) {
        int start = html.indexOf("<table id=\"" + id + "\">");
        return start < 0 ? "" : html.substring(start, html.indexOf("</table>", start));
    }
}
