package org.glassbox.engine;

/** Turns any throwable into a {@link UserMessage}, so that a failure never shows up as a stack trace. */
public final class Failures {

    private Failures() {
    }

    public static UserMessage describe(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof UserFacingException u) {
                return u.userMessage();
            }
            t = t.getCause();
        }
        if (failure instanceof OutOfMemoryError) {
            return new UserMessage("The computation ran out of memory.",
                    "Use a smaller batch or fewer images, or start Glassbox with more heap (-Xmx).");
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (detail.toLowerCase().contains("shape")) {
            return new UserMessage("The data does not fit the model: " + detail,
                    "Check that the model's input matches the data set (see the model's layer table).");
        }
        return new UserMessage("The computation stopped with an error: " + detail,
                "Check the inputs and parameters and run again; the workspace is still usable.");
    }
}
