package dev.bazaar.events.cli;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.cli.ServiceException;
import dev.bazaar.events.EventKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bazaar events send}: posts realistic events of one kind to events-api, a share of them exact
 * re-sends of earlier ones, from several concurrent senders at a capped rate, with a progress bar;
 * prints how many were sent, unique and duplicates. Exit 0 when events-api acknowledged every one, 1 otherwise.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Post generated events (some of them exact copies) to events-api.")
final class SendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", defaultValue = "${env:BAZAAR_EVENTS_URL}",
            description = "events-api's base URL (default: where the platform in --var runs it).")
    private String url;

    @Option(names = "--var", defaultValue = "${env:BAZAAR_VAR:-var}",
            description = "Runtime folder of the platform: events-api's URL and credentials, the CA (default: ${DEFAULT-VALUE}).")
    private Path var;

    @Option(names = "--count", defaultValue = "1000", description = "Events to send, copies included (default ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--duplicates", defaultValue = "0.2",
            description = "Share of the events that are exact copies of earlier ones, 0 to below 1 (default ${DEFAULT-VALUE}).")
    private double duplicates;

    @Option(names = "--rate", defaultValue = "0", description = "Events per second at most, all senders together; 0 = as fast as acknowledged.")
    private double rate;

    @Option(names = "--kind", defaultValue = "view-event", description = "view-event (default) or product_events.")
    private String kind;

    @Option(names = "--concurrency", defaultValue = "4", description = "Concurrent senders, each one request at a time (default ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--seed", description = "Seed of the made events and of which are copies (default: a new one).")
    private Long seed;

    @Override
    public Integer call() throws InterruptedException {
        EventKind eventKind = validate();
        EventsClient client = new EventsClient(EventsApiTarget.resolve(url, new RuntimeLayout(var)));
        SendPlan plan = SendPlan.of(eventKind, count, duplicates, seed == null ? System.nanoTime() : seed, Instant.now());
        Progress progress = new Progress(spec.commandLine().getErr(), eventKind.id(), plan.size());
        long began = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            senders.add(Thread.ofPlatform().name("sender-" + i).start(() -> send(client, plan, next, began, progress)));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        progress.finish();
        return summary(plan, progress, (System.nanoTime() - began) / 1e9);
    }

    private void send(EventsClient client, SendPlan plan, AtomicInteger next, long began, Progress progress) {
        for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
            pace(began, i);
            try {
                EventsClient.Answer answer = client.post(plan.kind(), plan.body(i));
                if (!answer.acknowledged()) {
                    progress.failed("events-api answered " + answer.status() + ": " + answer.body());
                }
                progress.sent(answer.acknowledged(), plan.copy(i));
            } catch (IOException e) {
                progress.failed("events-api at " + client.url() + " does not answer: " + e);
                progress.sent(false, plan.copy(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                progress.failed("interrupted");
                return;
            } catch (ServiceException e) {
                progress.failed(e.getMessage());
                progress.sent(false, plan.copy(i));
            }
        }
    }

    private void pace(long beganNanos, int index) {
        if (rate > 0) {
            long due = beganNanos + (long) (index / rate * 1e9);
            LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
        }
    }

    private int summary(SendPlan plan, Progress progress, double seconds) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: sent %d (unique %d, duplicates %d), acknowledged %d, failed %d in %.1f s (%.0f/s)%n",
                plan.kind(), progress.sent(), plan.unique(), plan.duplicates(), progress.acknowledged(),
                progress.sent() - progress.acknowledged(), seconds, progress.sent() / Math.max(seconds, 1e-3));
        progress.firstError().ifPresent(error -> out.println("first error: " + error));
        out.flush();
        return progress.acknowledged() == plan.size() ? 0 : 1;
    }

    private EventKind validate() {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, was " + count);
        }
        if (!(duplicates >= 0 && duplicates < 1)) {
            throw new ParameterException(spec.commandLine(), "--duplicates must be at least 0 and below 1, was " + duplicates);
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new ParameterException(spec.commandLine(), "--rate must be a number of events per second, 0 or more, was " + rate);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new ParameterException(spec.commandLine(), "--concurrency must be within 1..256, was " + concurrency);
        }
        return EventKind.of(kind).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--kind must be one of " + EventKind.names() + ", was '" + kind + "'"));
    }
}
