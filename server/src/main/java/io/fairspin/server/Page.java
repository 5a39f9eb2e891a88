package io.fairspin.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The small player page {@code serve} offers at {@code /}: static files from the jar. */
final class Page {
    record Resource(String contentType, byte[] bytes) {
    }

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/style.css", "style.css");

    private final Map<String, Resource> loaded;

    Page() {
        loaded = Map.of(
                "index.html", load("index.html", "text/html; charset=utf-8"),
                "app.js", load("app.js", "text/javascript; charset=utf-8"),
                "style.css", load("style.css", "text/css; charset=utf-8"));
    }

    /** The file at {@code path}, or null. */
    Resource get(String path) {
        String name = FILES.get(path);
        return name == null ? null : loaded.get(name);
    }

    private static Resource load(String name, String type) {
        try (InputStream in = Page.class.getResourceAsStream("page/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the server jar lacks page/" + name);
            }
            return new Resource(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
