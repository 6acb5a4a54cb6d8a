package dev.bazaar.console.http;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.mirror.Checkpoints;
import dev.bazaar.common.mirror.GroupFailover;
import dev.bazaar.common.mirror.MirrorNames;
import dev.bazaar.common.mirror.ReplicationLag;
import dev.bazaar.console.html.Html;
import dev.bazaar.console.html.Page;
import dev.bazaar.console.kafka.AuditLog;
import dev.bazaar.console.kafka.Refusal;
import dev.bazaar.console.kafka.UserClients;
import dev.bazaar.console.roles.ConsoleRoles;
import dev.bazaar.console.session.Session;
import dev.bazaar.setup.PlatformSpec;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.StaleMemberEpochException;
import org.apache.kafka.common.errors.UnknownMemberIdException;

/**
 * {@code /mirror}: how far the mirror cluster is behind main per copied topic and MirrorMaker's last
 * checkpoint per group, read as the user (the checkpoints topic needs READ on the mirror: admin's), and
 * for the principals of the role table the failover of a group to the mirror, as {@code bazaar mirror
 * failover} does it with the same code: previewed, confirmed, run as the user, audited.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class MirrorController {

    private static final String TITLE = "Mirror";
    /** How long a failover waits for the checkpoints to catch up with the group's offsets on main. */
    private static final Duration CHECKPOINT_WAIT = Duration.ofSeconds(5);
    private static final Duration CHECKPOINT_POLL = Duration.ofMillis(250);

    private final ConsoleRoles roles;
    private final AuditLog audit;
    private final Clock clock;
    private volatile List<String> mirrored;

    MirrorController(ConsoleRoles roles, AuditLog audit, Clock clock) {
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    @Get(value = "/mirror", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> status(HttpRequest<?> request, @Nullable @QueryValue String done,
            @Nullable @QueryValue String group) {
        Session session = ConsoleGate.session(request);
        String message = "failover".equals(done) && group != null ? "<p class=\"ok\" id=\"done\">Group <b>"
                + Html.text(group) + "</b> now resumes on the mirror cluster at the offsets of its checkpoints; on main "
                + "it is left as it was.</p>" : "";
        return page(session, HttpStatus.OK, message);
    }

    /**
     * The failover of one group: without {@code confirm=yes} a preview of the offsets it would get on
     * the mirror, with a button to confirm; with it, the failover, as the user, audited.
     */
    @Post(value = "/mirror/failover", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<String> failover(HttpRequest<?> request, @Body Map<String, String> form) {
        Session session = ConsoleGate.session(request);
        String group = form.getOrDefault("group", "").strip();
        String target = "group " + group;
        if (!roles.allows(session.principal(), ConsoleRoles.Action.MIRROR_FAILOVER)) {
            String audited = AuditTrail.record(audit, session, "failover", target, "", AuditLog.Outcome.REFUSED);
            return page(session, HttpStatus.FORBIDDEN, Page.error(roles.refusal(session.principal(),
                    ConsoleRoles.Action.MIRROR_FAILOVER)) + audited);
        }
        if (group.isEmpty()) {
            return page(session, HttpStatus.BAD_REQUEST, Page.error("Not failed over: name the group to move."));
        }
        UserClients kafka = session.kafka();
        GroupFailover failover = new GroupFailover(mirrored(), kafka.admin(Cluster.MIRROR),
                kafka.clientProperties(Cluster.MIRROR), kafka.timeout(), CHECKPOINT_WAIT, MirrorController::pause);
        List<String> notes = new ArrayList<>();
        List<GroupFailover.Move> moves;
        try {
            moves = failover.plan(group, GroupFailover.answering(kafka.admin(Cluster.MAIN), kafka.timeout()), notes::add);
        } catch (Exception e) {
            return page(session, status(e), Page.error("Not failed over: " + message(session, e, "DESCRIBE", target)));
        }
        String detail = moves.stream().map(m -> m.copy() + "→" + m.committedOnMirror()).collect(Collectors.joining(", "));
        if (!"yes".equals(form.get("confirm"))) {
            return Page.ok(session, "Fail over " + group, preview(group, moves, notes));
        }
        try {
            failover.commit(group, moves);
        } catch (Exception e) {
            boolean refused = refused(e);
            String audited = AuditTrail.record(audit, session, "failover", target, detail,
                    refused ? AuditLog.Outcome.REFUSED : AuditLog.Outcome.FAILED);
            return page(session, status(e), Page.error("Not failed over: " + message(session, e, "READ", target))
                    + audited);
        }
        String audited = AuditTrail.record(audit, session, "failover", target, detail, AuditLog.Outcome.DONE);
        return audited.isEmpty() ? HttpResponse.seeOther(URI.create("/mirror?done=failover&group=" + Html.url(group)))
                : page(session, HttpStatus.OK, "<p class=\"ok\" id=\"done\">Failed over.</p>" + audited);
    }

    private MutableHttpResponse<String> page(Session session, HttpStatus status, String message) {
        UserClients kafka = session.kafka();
        StringBuilder body = new StringBuilder(message);
        boolean refused = false;
        body.append("<h2>Replication lag</h2><p>Per topic MirrorMaker copies from main: the records it has not "
                + "copied yet, and the age of the oldest of them (measured against its positions, committed every "
                + "5 s).</p>");
        try {
            List<ReplicationLag.TopicLag> lags = new ReplicationLag(mirrored(), kafka.admin(Cluster.MAIN),
                    kafka.clientProperties(Cluster.MAIN), kafka.clientProperties(Cluster.MIRROR), kafka.timeout())
                    .measure(clock.instant());
            body.append(lagTable(lags));
        } catch (Exception e) {
            refused |= refused(e);
            body.append(Page.error(Refusal.ofNoCredential(e, session.principal(), MirrorNames.TARGET, "READ", "topic "
                    + MirrorNames.SOURCE_OFFSETS).orElseGet(() -> message(session, e, "DESCRIBE",
                    "the mirrored topics on main (" + String.join(", ", mirrored()) + ")"))));
        }
        body.append("<h2>Checkpoints</h2><p>MirrorMaker's last checkpoint of each consumer group, per partition of a "
                + "copy: the group's offset on main and the same place in the copy on the mirror.</p>");
        try {
            body.append(checkpointTable(Checkpoints.latest(kafka.clientProperties(Cluster.MIRROR), kafka.timeout())));
        } catch (Exception e) {
            refused |= refused(e);
            body.append(Page.error(Refusal.ofNoCredential(e, session.principal(), MirrorNames.TARGET, "READ", "topic "
                    + MirrorNames.CHECKPOINTS).orElseGet(() -> message(session, e, "READ", "topic "
                    + MirrorNames.CHECKPOINTS + " on the mirror cluster"))));
        }
        if (roles.allows(session.principal(), ConsoleRoles.Action.MIRROR_FAILOVER)) {
            body.append(failoverForm());
        }
        HttpStatus shown = status == HttpStatus.OK && refused ? HttpStatus.FORBIDDEN : status;
        return Page.of(shown, session, TITLE, body.toString());
    }

    private String lagTable(List<ReplicationLag.TopicLag> lags) {
        StringBuilder table = new StringBuilder("<table id=\"lag\"><thead><tr><th>Topic</th><th>Copy on mirror</th>"
                + "<th>Partitions</th><th>Lag (records)</th><th>Lag (seconds)</th></tr></thead><tbody>");
        for (ReplicationLag.TopicLag lag : lags) {
            table.append("<tr data-topic=\"").append(Html.text(lag.topic())).append("\"><td>")
                    .append(Html.text(lag.topic())).append("</td><td>").append(Html.text(lag.copy()))
                    .append("</td><td class=\"num\">").append(lag.partitions()).append("</td><td class=\"num lag\">")
                    .append(String.format(Locale.ROOT, "%,d", lag.records())).append("</td><td class=\"num\">")
                    .append(seconds(lag.behind())).append("</td></tr>");
        }
        return table.append("</tbody></table>").toString();
    }

    private String checkpointTable(List<Checkpoints.Entry> entries) {
        if (entries.isEmpty()) {
            return "<p id=\"no-checkpoints\">No consumer group checkpoints yet (" + MirrorNames.CHECKPOINTS + ").</p>";
        }
        Map<String, List<Checkpoints.Entry>> byGroup = new TreeMap<>();
        entries.forEach(entry -> byGroup.computeIfAbsent(entry.group(), g -> new ArrayList<>()).add(entry));
        Instant now = clock.instant();
        StringBuilder table = new StringBuilder("<table id=\"checkpoints\"><thead><tr><th>Group</th><th>Copy</th>"
                + "<th>Partition</th><th>Offset on main</th><th>Offset on mirror</th><th>Written</th><th>Age</th>"
                + "</tr></thead><tbody>");
        byGroup.forEach((group, own) -> own.stream()
                .sorted((a, b) -> a.partition().toString().compareTo(b.partition().toString()))
                .forEach(entry -> table.append("<tr data-group=\"").append(Html.text(group)).append("\"><td>")
                        .append(Html.text(group)).append("</td><td>").append(Html.text(entry.partition().topic()))
                        .append("</td><td class=\"num\">").append(entry.partition().partition())
                        .append("</td><td class=\"num\">").append(entry.upstreamOffset()).append("</td><td class=\"num\">")
                        .append(entry.downstreamOffset()).append("</td><td>")
                        .append(entry.written().truncatedTo(ChronoUnit.SECONDS)).append("</td><td class=\"num\">")
                        .append(seconds(Duration.between(entry.written(), now))).append("</td></tr>")));
        return table.append("</tbody></table>").toString();
    }

    private static String failoverForm() {
        return "<h2>Fail a group over</h2><p>Commits the group's offsets on main, translated through its checkpoints, "
                + "for the same group on the mirror, so its consumers restarted against the mirror (topics main.&lt;topic&gt;)"
                + " resume where they stopped; the group on main is left as it was. Refused while the group has members on "
                + "either cluster: stop its consumers first. You see the offsets before anything changes.</p>"
                + "<form method=\"post\" action=\"/mirror/failover\" id=\"failover\"><label for=\"group\">Group</label>"
                + "<input type=\"text\" id=\"group\" name=\"group\" required> <button type=\"submit\">Preview</button>"
                + "</form>";
    }

    private static String preview(String group, List<GroupFailover.Move> moves, List<String> notes) {
        StringBuilder body = new StringBuilder();
        notes.forEach(note -> body.append("<p class=\"note\">").append(Html.text(note)).append("</p>"));
        body.append("<p>Group <b>").append(Html.text(group)).append("</b> would get on the mirror cluster:</p>")
                .append("<table id=\"preview\"><thead><tr><th>Copy on mirror</th><th>Offset on main</th>"
                        + "<th>Checkpointed</th><th>Set on mirror</th></tr></thead><tbody>");
        for (GroupFailover.Move move : moves) {
            body.append("<tr><td>").append(Html.text(move.copy().toString())).append("</td><td class=\"num\">")
                    .append(move.committedOnMain() == null ? "–" : move.committedOnMain())
                    .append("</td><td class=\"num\">").append(move.checkpointedOnMain()).append("</td><td class=\"num\">")
                    .append(move.committedOnMirror()).append("</td></tr>");
        }
        body.append("</tbody></table><form method=\"post\" action=\"/mirror/failover\" id=\"confirm\">")
                .append("<input type=\"hidden\" name=\"group\" value=\"").append(Html.text(group))
                .append("\"><input type=\"hidden\" name=\"confirm\" value=\"yes\"><button type=\"submit\">Confirm "
                        + "failover</button> <a href=\"/mirror\">Cancel</a></form>");
        return body.toString();
    }

    /** The topics MirrorMaker copies, as {@code setup/topics.yaml} marks them; read at first use. */
    private List<String> mirrored() {
        List<String> topics = mirrored;
        if (topics == null) {
            topics = PlatformSpec.load().mirroredTopics();
            mirrored = topics;
        }
        return topics;
    }

    private static void pause() {
        try {
            Thread.sleep(CHECKPOINT_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for checkpoints", e);
        }
    }

    private static HttpStatus status(Exception e) {
        Throwable cause = cause(e);
        if (refused(e)) {
            return HttpStatus.FORBIDDEN;
        }
        if (cause instanceof GroupFailover.GroupActiveException || hasMembers(cause)
                || cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
            return HttpStatus.CONFLICT;
        }
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    /** Kafka's refusals to commit offsets for a group that has members. */
    private static boolean hasMembers(Throwable cause) {
        return cause instanceof UnknownMemberIdException || cause instanceof StaleMemberEpochException
                || cause instanceof IllegalGenerationException || cause instanceof RebalanceInProgressException
                || cause instanceof GroupNotEmptyException;
    }

    /** Whether Kafka refused the user (an ACL is missing, or their credential on a cluster), rather than failed. */
    private static boolean refused(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException || cause instanceof SaslAuthenticationException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable cause(Exception e) {
        return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    }

    private static String message(Session session, Exception e, String operation, String resource) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = cause(e);
        if (hasMembers(cause)) {
            return "Kafka refused: the " + resource + " has members on the mirror cluster (" + cause.getMessage()
                    + "). Stop its consumers first.";
        }
        return Refusal.of(cause, session.principal(), operation, resource).orElse(
                cause instanceof TimeoutException ? "A cluster did not answer in time." : String.valueOf(
                        cause.getMessage()));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", Math.max(0, duration.toMillis()) / 1000.0);
    }
}
