package org.glassbox.ui;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Sizes a table's columns to their widest text (header or cell) in a given font, so nothing is cut off with an ellipsis. */
public final class TableFit {

    private static final double PADDING = 26;

    private TableFit() {
    }

    public static void fitColumns(TableView<?> table, Font font) {
        Text probe = new Text();
        probe.setFont(font);
        for (TableColumn<?, ?> column : table.getColumns()) {
            double width = measure(probe, column.getText());
            for (int row = 0; row < table.getItems().size(); row++) {
                Object value = column.getCellData(row);
                if (value != null) {
                    width = Math.max(width, measure(probe, value.toString()));
                }
            }
            column.setPrefWidth(Math.ceil(width + PADDING));
        }
    }

    private static double measure(Text probe, String text) {
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }
}
