package org.glassbox.ui;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.glassbox.metrics.ConfusionMatrix;

/**
 * A confusion matrix made of labels, so that it takes the theme's colours and the page's text
 * size (presenter mode enlarges it) and grows with the space it is given: a cell is tinted by its
 * share of the row over the theme's background (blue on the diagonal, orange elsewhere), and an
 * empty cell is the background itself. The PNG export is {@code experiment.ConfusionMatrixImage}.
 */
public final class ConfusionMatrixView extends GridPane {

    public ConfusionMatrixView() {
        getStyleClass().add("confusion-matrix");
        setHgap(1);
        setVgap(1);
    }

    public void show(ConfusionMatrix cm) {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        int n = cm.size();
        ColumnConstraints names = new ColumnConstraints();
        names.setHalignment(HPos.RIGHT);
        getColumnConstraints().add(names);
        for (int j = 0; j < n; j++) {
            ColumnConstraints c = new ColumnConstraints(28, 48, 120);
            c.setHgrow(Priority.ALWAYS);
            c.setHalignment(HPos.CENTER);
            getColumnConstraints().add(c);
        }
        getRowConstraints().add(new RowConstraints());
        for (int i = 0; i < n; i++) {
            RowConstraints r = new RowConstraints(22, 34, 90);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
        Label corner = new Label("true ↓\npredicted →");
        corner.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        corner.getStyleClass().add("text-caption");
        add(corner, 0, 0);
        for (int j = 0; j < n; j++) {
            Label head = new Label(cm.classNames().get(j));
            head.getStyleClass().add("text-caption");
            head.setRotate(-90);
            add(new javafx.scene.Group(head), j + 1, 0); // written upwards, whole, however narrow the column
        }
        int[][] counts = cm.counts();
        for (int i = 0; i < n; i++) {
            Label name = new Label(cm.classNames().get(i));
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            add(name, 0, i + 1);
            long total = 0;
            for (int c : counts[i]) {
                total += c;
            }
            for (int j = 0; j < n; j++) {
                double share = total == 0 ? 0 : (double) counts[i][j] / total;
                double tint = Math.sqrt(share);
                Label cell = new Label(Integer.toString(counts[i][j]));
                cell.setAlignment(Pos.CENTER);
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                String rgb = i == j ? "31, 92, 170" : "230, 110, 30";
                cell.setStyle(String.format(java.util.Locale.ROOT, "-fx-background-color: rgba(%s, %.3f);%s", rgb, tint,
                        tint > 0.55 ? " -fx-text-fill: white;" : ""));
                cell.setAccessibleText(cm.classNames().get(i) + " predicted as " + cm.classNames().get(j) + ": " + counts[i][j]);
                add(cell, j + 1, i + 1);
            }
        }
    }
}
