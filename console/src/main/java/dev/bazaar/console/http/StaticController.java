package dev.bazaar.console.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The console's own style and script, the only static files it serves (on the gate's allow-list). */
@Controller
final class StaticController {

    private final byte[] css = resource("console/console.css");
    private final byte[] js = resource("console/console.js");

    @Get("/console.css")
    MutableHttpResponse<byte[]> css() {
        return HttpResponse.ok(css).contentType("text/css;charset=utf-8");
    }

    @Get("/console.js")
    MutableHttpResponse<byte[]> js() {
        return HttpResponse.ok(js).contentType("text/javascript;charset=utf-8");
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
