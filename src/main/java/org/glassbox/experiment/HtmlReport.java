package org.glassbox.experiment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A one-page, self-contained HTML report of a run: title, what was run (parameters and seed),
 * the figures, images inlined as data URLs, and the versions. Opens in any browser, offline.
 */
public final class HtmlReport {

    private final String title;
    private final StringBuilder body = new StringBuilder();

    public HtmlReport(String title) {
        this.title = title;
    }

    /** A paragraph of text; an empty one adds nothing. */
    public HtmlReport paragraph(String text) {
        if (text.isEmpty()) {
            return this;
        }
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlReport table(String heading, Map<String, ?> rows) {
        body.append("<h2>").append(escape(heading)).append("</h2>\n<table>\n");
        for (Map.Entry<String, ?> row : rows.entrySet()) {
            body.append("<tr><th>").append(escape(row.getKey())).append("</th><td>")
                    .append(escape(String.valueOf(row.getValue()))).append("</td></tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    public HtmlReport image(String heading, BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.append("<h2>").append(escape(heading)).append("</h2>\n<img alt=\"").append(escape(heading))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png.toByteArray()))
                .append("\">\n");
        return this;
    }

    /** The whole page, ending with the versions and the time it was written. */
    public String html() {
        Map<String, String> versions = new LinkedHashMap<>(Versions.current());
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
                        + "table{border-collapse:collapse;margin-bottom:1em}th,td{border:1px solid #ccc;padding:4px 10px;"
                        + "text-align:left}th{background:#f4f4f4}img{max-width:100%;border:1px solid #ccc}"
                        + "footer{color:#777;font-size:small;margin-top:2em}</style></head><body>\n<h1>")
                .append(escape(title)).append("</h1>\n").append(body);
        page.append("<h2>Versions</h2>\n<table>\n");
        versions.forEach((k, v) -> page.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(v))
                .append("</td></tr>\n"));
        page.append("</table>\n<footer>Written by Glassbox at ").append(Instant.now()).append(".</footer>\n</body></html>\n");
        return page.toString();
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, html(), StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
