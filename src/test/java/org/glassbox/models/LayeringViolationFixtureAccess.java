package org.glassbox.models;

/** Hands the package-private fixture to LayeringTest. */
public final class LayeringViolationFixtureAccess {

    private LayeringViolationFixtureAccess() {
    }

    public static Class<?> fixture() {
        return LayeringViolationFixture.class;
    }
}
