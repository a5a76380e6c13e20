package org.glassbox.regions;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.glassbox.engine.UserFacingException;

/** Hidden layer widths, written as "16, 16, 8". */
public record Architecture(int[] hidden) {

    public static final int MAX_LAYERS = 8;
    public static final int MAX_WIDTH = 256;

    public Architecture {
        hidden = hidden.clone();
    }

    public static Architecture parse(String text) throws UserFacingException {
        String[] parts = text.trim().split("[,\\s]+");
        if (text.isBlank() || parts.length > MAX_LAYERS) {
            throw new UserFacingException("Hidden layers '" + text + "': give 1 to " + MAX_LAYERS + " widths.",
                    "For example 16, 16 for two hidden layers of 16 neurons.");
        }
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                widths[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new UserFacingException("Hidden layers '" + text + "': '" + parts[i] + "' is not a whole number.",
                        "Write widths separated by commas, for example 16, 16.");
            }
            if (widths[i] < 1 || widths[i] > MAX_WIDTH) {
                throw new UserFacingException("Hidden layers '" + text + "': a width must be between 1 and " + MAX_WIDTH
                        + "; it is " + widths[i] + ".", "Change that width.");
            }
        }
        return new Architecture(widths);
    }

    public String text() {
        return Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }

    public String shape(int inputs, int outputs) {
        return inputs + "-" + Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining("-")) + "-" + outputs;
    }
}
