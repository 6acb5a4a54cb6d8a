package dev.bazaar.console.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The console's own style and script (on the gate's allow-list: the sign-in page needs them), and
 * uPlot's for the charts of signed-in pages — the only static files it serves.
 */
@Controller
final class StaticController {

    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

    private final byte[] css = resource("console/console.css");
    private final byte[] js = resource("console/console.js");
    private final byte[] uplotJs = resource(UPLOT + "uPlot.iife.min.js");
    private final byte[] uplotCss = resource(UPLOT + "uPlot.min.css");

    @Get("/console.css")
    MutableHttpResponse<byte[]> css() {
        return HttpResponse.ok(css).contentType("text/css;charset=utf-8");
    }

    @Get("/console.js")
    MutableHttpResponse<byte[]> js() {
        return HttpResponse.ok(js).contentType("text/javascript;charset=utf-8");
    }

    /** uPlot, for the charts: served to signed-in users from its jar on Maven Central (org.webjars.npm:uplot). */
    @Get("/uplot.js")
    MutableHttpResponse<byte[]> uplotJs() {
        return HttpResponse.ok(uplotJs).contentType("text/javascript;charset=utf-8");
    }

    @Get("/uplot.css")
    MutableHttpResponse<byte[]> uplotCss() {
        return HttpResponse.ok(uplotCss).contentType("text/css;charset=utf-8");
    }

    private static byte[] resource(String name) {
        try (InputStream in = StaticController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from its jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
