package org.glassbox.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.glassbox.data.Assets;
import org.glassbox.experiment.Versions;

/** Versions of the app and its libraries, and the source and licence of every bundled data set and image. */
final class AboutDialog extends Alert {

    AboutDialog(Window owner, Assets assets) {
        super(AlertType.INFORMATION);
        initOwner(owner);
        setTitle("About Glassbox");
        setHeaderText("Glassbox " + Versions.glassbox() + "\nA workbench for attacks on machine-learning models and their defenses.");
        StringBuilder text = new StringBuilder("Versions\n");
        for (Map.Entry<String, String> v : Versions.current().entrySet()) {
            text.append("  ").append(v.getKey()).append(": ").append(v.getValue()).append('\n');
        }
        text.append("\nBundled data (source and licence)\n");
        Path licences = assets.assets().resolve("licences.json");
        try {
            for (JsonNode entry : new ObjectMapper().readTree(Files.readString(licences))) {
                text.append("  ").append(entry.path("asset").asText()).append(" — ").append(entry.path("licence").asText())
                        .append("\n      ").append(entry.path("source").asText()).append("\n      ")
                        .append(entry.path("path").asText()).append('\n');
            }
        } catch (Exception e) {
            text.append("  (cannot read ").append(licences).append(": ").append(e.getMessage()).append(")\n");
        }
        text.append("\nSample models in sample-models/ are trained by Glassbox itself from the data above;"
                + " see sample-models/catalog.json.");
        TextArea area = new TextArea(text.toString());
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(640, 420);
        getDialogPane().setContent(area);
    }
}
