package org.glassbox.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.glassbox.engine.ComputeBackend;

/** Versions of everything that shapes a result, for run records and the About box. */
public final class Versions {

    private Versions() {
    }

    public static Map<String, String> current() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/org/glassbox/versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // versions are informative; a missing file leaves them out
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("glassbox", p.getProperty("glassbox", "unknown"));
        v.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        v.put("javafx", p.getProperty("javafx", "unknown"));
        v.put("deeplearning4j", p.getProperty("dl4j", "unknown"));
        v.put("nd4j backend", ComputeBackend.info().implementation() + " (" + p.getProperty("nd4j.backend", "?") + ")");
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return v;
    }

    public static String glassbox() {
        return current().get("glassbox");
    }
}
