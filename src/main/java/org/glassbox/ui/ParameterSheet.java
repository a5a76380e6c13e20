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
 * A form generated from a parameters record: one labelled, editable spinner per component, with
 * the component's description as tooltip, plus the seed. Ranges come from the record's
 * {@code @Param} annotations, so the sheet cannot offer a value the record refuses.
 */
public final class ParameterSheet<R extends Record> extends GridPane {

    private final Class<R> type;
    private final List<ParameterSpec> specs;
    private final List<Spinner<? extends Number>> editors = new ArrayList<>();
    private final Spinner<Long> seed;

    public ParameterSheet(Class<R> type, R defaults, long defaultSeed) {
        this.type = type;
        this.specs = ParameterSpec.of(type);
        setHgap(8);
        setVgap(6);
        int row = 0;
        for (ParameterSpec spec : specs) {
            Spinner<? extends Number> editor = editorFor(spec, valueOf(defaults, row));
            editor.setId("param-" + spec.name());
            Label label = new Label(spec.label());
            label.setLabelFor(editor);
            label.setMnemonicParsing(false);
            Tooltip tip = new Tooltip(spec.description() + " (" + spec.rangeText() + ")");
            label.setTooltip(tip);
            editor.setTooltip(tip);
            editors.add(editor);
            addRow(row++, label, editor);
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

    private static Spinner<? extends Number> editorFor(ParameterSpec spec, Object initial) {
        Spinner<? extends Number> spinner;
        if (spec.isInteger()) {
            int min = (int) Math.max(Integer.MIN_VALUE, spec.min());
            int max = (int) Math.min(Integer.MAX_VALUE, spec.max());
            spinner = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, ((Number) initial).intValue()));
        } else {
            double min = Math.max(-Double.MAX_VALUE, spec.min());
            double max = Math.min(Double.MAX_VALUE, spec.max());
            double v = ((Number) initial).doubleValue();
            SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                    new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, v, Math.max(Math.abs(v) / 10, 1e-6));
            factory.setConverter(new DoubleText(factory));
            spinner = new Spinner<>(factory);
        }
        spinner.setEditable(true);
        commitOnFocusLoss(spinner);
        spinner.setPrefWidth(140);
        return spinner;
    }

    /** Typed text counts when focus leaves, not only on Enter. */
    private static void commitOnFocusLoss(Spinner<?> spinner) {
        spinner.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit(spinner);
            }
        });
    }

    /** Takes the typed text as the value; text that is not a number in range reverts to the last value. */
    private static void commit(Spinner<?> spinner) {
        try {
            spinner.commitValue();
        } catch (RuntimeException e) {
            spinner.cancelEdit();
        }
    }

    /** The values now in the sheet as the parameters record. */
    public R value() {
        Object[] args = new Object[specs.size()];
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < args.length; i++) {
            commit(editors.get(i));
            Number n = editors.get(i).getValue();
            types[i] = components[i].getType();
            if (types[i] == int.class) {
                args[i] = n.intValue();
            } else if (types[i] == long.class) {
                args[i] = n.longValue();
            } else {
                args[i] = n.doubleValue();
            }
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
        for (Spinner<? extends Number> editor : editors) {
            editor.valueProperty().addListener((obs, old, now) -> onChange.run());
        }
    }

    @SuppressWarnings("unchecked")
    public void setValue(R value) {
        for (int i = 0; i < specs.size(); i++) {
            Object v = valueOf(value, i);
            Spinner<? extends Number> editor = editors.get(i);
            if (specs.get(i).isInteger()) {
                ((SpinnerValueFactory<Integer>) editor.getValueFactory()).setValue(((Number) v).intValue());
            } else {
                ((SpinnerValueFactory<Double>) editor.getValueFactory()).setValue(((Number) v).doubleValue());
            }
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
