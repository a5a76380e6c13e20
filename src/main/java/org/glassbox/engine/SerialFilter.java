package org.glassbox.engine;

import java.io.ObjectInputFilter;

/**
 * The JVM-wide second wall against Java deserialization: Glassbox itself reads no serialized Java
 * objects, so every class is refused. If a library on the class path ever reads an
 * {@code ObjectInputStream} from a file (DL4J's {@code ModelSerializer} does for preprocessors),
 * the stream is rejected before any object of the file's choosing is created.
 */
public final class SerialFilter {

    private SerialFilter() {
    }

    /** Installs the filter once per JVM; later calls, or a filter already installed by the same code, are fine. */
    public static synchronized void install() {
        ObjectInputFilter current = ObjectInputFilter.Config.getSerialFilter();
        if (current instanceof RejectEverything) {
            return;
        }
        ObjectInputFilter.Config.setSerialFilter(new RejectEverything());
    }

    private static final class RejectEverything implements ObjectInputFilter {
        @Override
        public Status checkInput(FilterInfo info) {
            return Status.REJECTED;
        }

        @Override
        public String toString() {
            return "Glassbox: no Java deserialization";
        }
    }
}
