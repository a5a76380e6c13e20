package org.glassbox.models;

import java.nio.file.Path;
import org.glassbox.engine.UserFacingException;

/** A model file that cannot be used, with a message naming the file, what was expected and what was found. */
public class ModelLoadException extends UserFacingException {

    public ModelLoadException(Path file, String problem, String remedy) {
        super(file.getFileName() + ": " + problem, remedy);
    }

    public ModelLoadException(Path file, String problem, String remedy, Throwable cause) {
        super(file.getFileName() + ": " + problem, remedy, cause);
    }
}
