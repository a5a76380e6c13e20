package org.glassbox.ui;

import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;
import org.glassbox.engine.UserMessage;

/**
 * A number editor whose text and value never disagree. Typed text counts when Enter is pressed,
 * when focus leaves and whenever the value is read; text that is not a number, or a number out
 * of the field's range, is not taken: the field goes back to the value in use and an
 * {@link InputProblemEvent} naming the range goes up to the page, instead of the number being
 * clamped in silence. Setting the value always redraws the text, even when the value is the one
 * already held (which a plain spinner skips, leaving typed text on screen that nothing uses).
 */
public final class NumberField<T extends Number> extends Spinner<T> {

    private final String name;
    private final double min;
    private final double max;
    private final boolean whole;

    private NumberField(SpinnerValueFactory<T> factory, String name, double min, double max, boolean whole) {
        super(factory);
        this.name = name;
        this.min = min;
        this.max = max;
        this.whole = whole;
        setEditable(true);
        getEditor().addEventHandler(ActionEvent.ACTION, e -> showValue());
        focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                value();
            }
        });
    }

    public static NumberField<Integer> whole(String name, int min, int max, int initial) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, initial);
        NumberField<Integer> field = new NumberField<>(factory, name, min, max, true);
        factory.setConverter(field.converter(s -> Integer.valueOf(s.trim()), Object::toString));
        field.showValue();
        return field;
    }

    public static NumberField<Double> decimal(String name, double min, double max, double initial, double step) {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, initial, step);
        NumberField<Double> field = new NumberField<>(factory, name, min, max, false);
        factory.setConverter(field.converter(s -> Double.valueOf(s.trim()), DoubleText::format));
        field.showValue();
        return field;
    }

    private StringConverter<T> converter(java.util.function.Function<String, T> parse, java.util.function.Function<T, String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : format.apply(value);
            }

            @Override
            public T fromString(String text) {
                T parsed;
                try {
                    parsed = parse.apply(text);
                } catch (RuntimeException e) {
                    return rejected("“" + text.trim() + "” is not a number");
                }
                double v = parsed.doubleValue();
                if (!(v >= min && v <= max)) {
                    return rejected(text.trim() + " is out of range");
                }
                return parsed;
            }
        };
    }

    private T rejected(String what) {
        T kept = getValue();
        fireEvent(new InputProblemEvent(new UserMessage(name + ": " + what + "; the field keeps " + getValueFactory().getConverter().toString(kept) + ".",
                "Enter a " + (whole ? "whole number" : "number") + " from " + range() + ".")));
        javafx.application.Platform.runLater(this::showValue);
        return kept;
    }

    private String range() {
        return whole ? String.format(Locale.ROOT, "%,d to %,d", (long) min, (long) max)
                : DoubleText.format(min) + " to " + DoubleText.format(max);
    }

    /** The value in use, after taking any text typed since the last commit. */
    public T value() {
        String text = getEditor().getText();
        T current = getValue();
        if (!text.equals(getValueFactory().getConverter().toString(current))) {
            getValueFactory().setValue(getValueFactory().getConverter().fromString(text));
        }
        showValue();
        return getValue();
    }

    /** Sets the value and shows it; an out-of-range value is refused with an exception (a caller's bug, not the person's). */
    public void set(T value) {
        double v = value.doubleValue();
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + " = " + value + " is outside " + range());
        }
        getValueFactory().setValue(value);
        showValue();
    }

    private void showValue() {
        getEditor().setText(getValueFactory().getConverter().toString(getValue()));
    }
}
