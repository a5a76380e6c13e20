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
            return new UserMessage("The computation ran out of memory (the limit is "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB of heap).",
                    "Use a smaller batch, model or image, or start Glassbox with more heap (-Xmx).");
        }
        if (failure instanceof StackOverflowError) {
            return new UserMessage("The computation nested too deeply (stack overflow).",
                    "The input is probably malformed or far larger than usual; check it and run again.");
        }
        if (failure instanceof java.nio.file.FileSystemException f) {
            String reason = f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : f instanceof java.nio.file.NotDirectoryException ? "not a folder"
                    : f instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            return new UserMessage(f.getFile() + ": " + reason + ".",
                    "Check the path and that it is writable, then run again; nothing was left half-written.");
        }
        if (failure instanceof java.io.IOException && String.valueOf(failure.getMessage()).contains("No space left")) {
            return new UserMessage("The disk is full (" + failure.getMessage() + ").",
                    "Free some space or choose another output folder, then run again; nothing was left half-written.");
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
