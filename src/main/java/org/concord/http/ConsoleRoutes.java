package org.concord.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.javalin.http.Context;
import org.concord.http.HttpErrors.NotFoundException;

/**
 * The analyst console: the static page and its modules, served from the jar's {@code public/} folder at {@code /} and
 * under {@code /console/}. The files are the same for every caller and carry no data (the page calls the JSON API
 * with the token it holds), so they are answered without a token and at no charge; each answer carries a
 * Content-Security-Policy that lets the page load and call nothing but the node's own origin.
 */
final class ConsoleRoutes {

    static final String INDEX = "/";
    static final String FILE = "/console/{file}";
    static final String FOLDER_FILE = "/console/{folder}/{file}";
    /** CesiumJS's own tree (its workers, imagery, images, stylesheet), where it expects it under its base URL. */
    static final String CESIUM_FILE = "/console/cesium/<path>";

    /** Only the node's own origin: no inline script or style, no eval, no frames, no plugins, no other host. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    private static final String ROOT = "/public/";
    private static final Pattern FOLDER = Pattern.compile("views|vendor");
    /** A file name: no path separator, no leading dot, so nothing outside the console's folders can be named. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9-]+)*\\.(html|js|css|json)");
    /**
     * A path in CesiumJS's tree: folders and a file name of letters, digits, '-' and '_', none starting with a dot, so
     * that nothing outside that tree can be named.
     */
    private static final Pattern CESIUM_PATH = Pattern.compile(
            "([A-Za-z0-9][A-Za-z0-9_-]*/)*[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*\\.(js|css|json|jpg|png|xml)");
    private static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "jpg", "image/jpeg", "png", "image/png", "xml", "application/xml");

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    /** Whether {@code path} is one of the console's: served without a token and at no charge. */
    static boolean isConsolePath(String path) {
        return path.equals(INDEX) || path.startsWith("/console/");
    }

    void index(Context ctx) {
        serve(ctx, "index.html");
    }

    void file(Context ctx) {
        serve(ctx, name(ctx.pathParam("file")));
    }

    void folderFile(Context ctx) {
        String folder = ctx.pathParam("folder");
        if (!FOLDER.matcher(folder).matches()) {
            throw new NotFoundException("no console file " + ctx.path());
        }
        serve(ctx, folder + "/" + name(ctx.pathParam("file")));
    }

    void cesiumFile(Context ctx) {
        String path = ctx.pathParam("path");
        if (!CESIUM_PATH.matcher(path).matches()) {
            throw new NotFoundException("no console file " + ctx.path());
        }
        serve(ctx, "vendor/cesium/" + path);
    }

    private static String name(String file) {
        if (!NAME.matcher(file).matches()) {
            throw new NotFoundException("no console file named '" + file + "'");
        }
        return file;
    }

    private void serve(Context ctx, String file) {
        byte[] content = files.get(file);
        if (content == null) {
            // only files the jar holds are kept, so that asking for many missing names costs no memory
            content = read(file).orElseThrow(() -> new NotFoundException("no console file " + ctx.path()));
            files.put(file, content);
        }
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .contentType(CONTENT_TYPES.get(file.substring(file.lastIndexOf('.') + 1)))
                .result(content);
    }

    private static Optional<byte[]> read(String file) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(ROOT + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
