package org.glassbox.inversion;

/** Hands the package-private fixture to LayeringTest. */
public final class HouseRulesViolationFixtureAccess {

    private HouseRulesViolationFixtureAccess() {
    }

    public static Class<?> fixture() {
        return HouseRulesViolationFixture.class;
    }
}
