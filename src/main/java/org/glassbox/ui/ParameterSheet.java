package org.glassbox.ui;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.glassbox.experiment.ParameterSpec;

/**
 * A form generated from a parameters record: one labelled editor per component (a spinner for a
 * number, a check box for a boolean, a list for an enum, a text field for text), with the
 * component's description as tooltip, plus the seed. Ranges come from the record's {@code @Param}
 * annotations, so the sheet cannot offer a value the record refuses.
 */
public final class ParameterSheet<R extends Record> extends GridPane {

    private final Class<R> type;
    private final List<ParameterSpec> specs;
    private final List<Editor> editors = new ArrayList<>();

    /** One component's control: what it shows, and how its value is read and set. */
    private interface Editor {
        javafx.scene.control.Control control();

        Object value();

        void set(Object value);

        javafx.beans.value.ObservableValue<?> changes();
    }
    private final Spinner<Long> seed;

    public ParameterSheet(Class<R> type, R defaults, long defaultSeed) {
        this.type = type;
        this.specs = ParameterSpec.of(type);
        setHgap(8);
        setVgap(6);
        int row = 0;
        for (ParameterSpec spec : specs) {
            Editor editor = editorFor(spec, valueOf(defaults, row));
            javafx.scene.control.Control control = editor.control();
            control.setId("param-" + spec.name());
            Label label = new Label(spec.label());
            label.setLabelFor(control);
            label.setWrapText(true); // a long label takes two lines rather than being cut
            label.setStyle("-fx-min-width: 6em; -fx-max-width: 11em;");
            label.setMnemonicParsing(false);
            Tooltip tip = new Tooltip(spec.description() + (control instanceof Spinner<?> ? " (" + spec.rangeText() + ")" : ""));
            label.setTooltip(tip);
            control.setTooltip(tip);
            editors.add(editor);
            addRow(row++, label, control);
        }
        seed = new Spinner<>(new LongValueFactory(defaultSeed));
        seed.setEditable(true);
        commitOnFocusLoss(seed);
        seed.setId("param-seed");
        seed.setTooltip(new Tooltip("Seed: same seed, same result."));
        Label seedLabel = new Label("Seed");
        seedLabel.setLabelFor(seed);
        addRow(row, seedLabel, seed);
    }

    private static Object valueOf(Record r, int index) {
        try {
            return r.getClass().getRecordComponents()[index].getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Editor editorFor(ParameterSpec spec, Object initial) {
        Class<?> t = spec.type();
        if (t == boolean.class) {
            javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox();
            box.setSelected((Boolean) initial);
            return editor(box, box::isSelected, v -> box.setSelected((Boolean) v), box.selectedProperty());
        }
        if (t.isEnum()) {
            javafx.scene.control.ComboBox box = new javafx.scene.control.ComboBox();
            box.getItems().setAll(t.getEnumConstants());
            box.setValue(initial);
            box.setPrefWidth(140);
            return editor(box, box::getValue, box::setValue, box.valueProperty());
        }
        if (t == String.class) {
            javafx.scene.control.TextField field = new javafx.scene.control.TextField((String) initial);
            field.setPrefWidth(140);
            return editor(field, field::getText, v -> field.setText((String) v), field.textProperty());
        }
        if (spec.isInteger()) {
            int min = (int) Math.max(Integer.MIN_VALUE, spec.min());
            int max = (int) Math.min(Integer.MAX_VALUE, spec.max());
            NumberField<Integer> field = NumberField.whole(spec.label(), min, max, ((Number) initial).intValue());
            field.setPrefWidth(140);
            return editor(field, () -> {
                int n = field.value();
                return t == long.class ? (Object) (long) n : (Object) n;
            }, v -> field.set(((Number) v).intValue()), field.valueProperty());
        }
        double v = ((Number) initial).doubleValue();
        NumberField<Double> field = NumberField.decimal(spec.label(), Math.max(-Double.MAX_VALUE, spec.min()),
                Math.min(Double.MAX_VALUE, spec.max()), v, Math.max(Math.abs(v) / 10, 1e-6));
        field.setPrefWidth(140);
        return editor(field, field::value, x -> field.set(((Number) x).doubleValue()), field.valueProperty());
    }

    private static Editor editor(javafx.scene.control.Control control, java.util.function.Supplier<Object> read,
                                 java.util.function.Consumer<Object> write, javafx.beans.value.ObservableValue<?> changes) {
        return new Editor() {
            @Override
            public javafx.scene.control.Control control() {
                return control;
            }

            @Override
            public Object value() {
                return read.get();
            }

            @Override
            public void set(Object value) {
                write.accept(value);
            }

            @Override
            public javafx.beans.value.ObservableValue<?> changes() {
                return changes;
            }
        };
    }

    /** Typed text counts when focus leaves, not only on Enter. */
    private static void commitOnFocusLoss(Spinner<Long> spinner) {
        spinner.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit(spinner);
            }
        });
    }

    private static void commit(Spinner<Long> spinner) {
        spinner.commitValue();
        spinner.getEditor().setText(spinner.getValueFactory().getConverter().toString(spinner.getValue()));
    }

    /** The values now in the sheet as the parameters record. */
    public R value() {
        Object[] args = new Object[specs.size()];
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = editors.get(i).value();
            types[i] = components[i].getType();
        }
        try {
            Constructor<R> c = type.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /** Calls back whenever a value in the sheet changes (not the seed). */
    public void setOnChange(Runnable onChange) {
        for (Editor editor : editors) {
            editor.changes().addListener((obs, was, now) -> onChange.run());
        }
    }

    public void setValue(R value) {
        for (int i = 0; i < specs.size(); i++) {
            editors.get(i).set(valueOf(value, i));
        }
    }

    public long seed() {
        commit(seed);
        return seed.getValue();
    }

    /** The seed as the spinner holds it, for views that redraw when it changes. */
    public javafx.beans.value.ObservableValue<Long> seedProperty() {
        return seed.valueProperty();
    }

    public void setSeed(long value) {
        seed.getValueFactory().setValue(value);
        seed.getEditor().setText(Long.toString(value));
    }

    /** A spinner factory for any long, with a text converter that keeps the last good value on bad input. */
    private static final class LongValueFactory extends SpinnerValueFactory<Long> {
        LongValueFactory(long initial) {
            setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Long v) {
                    return v == null ? "" : v.toString();
                }

                @Override
                public Long fromString(String s) {
                    try {
                        return Long.parseLong(s.trim());
                    } catch (NumberFormatException e) {
                        return getValue();
                    }
                }
            });
            setValue(initial);
        }

        @Override
        public void decrement(int steps) {
            setValue(getValue() - steps);
        }

        @Override
        public void increment(int steps) {
            setValue(getValue() + steps);
        }
    }

}
