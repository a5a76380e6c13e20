package org.glassbox.app;

import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The person's settings, as properties that views bind to, each stored under its own key as soon
 * as it changes. The preferences node is {@code glassbox} unless {@code glassbox.prefs} names
 * another (tests use their own so they never touch a person's settings).
 */
public final class AppSettings {

    private final Preferences store;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final BooleanProperty presenter = new SimpleBooleanProperty();
    private final IntegerProperty threads = new SimpleIntegerProperty();

    public AppSettings(Preferences store) {
        this.store = store;
        int cores = Runtime.getRuntime().availableProcessors();
        dark.set(store.getBoolean("dark", false));
        presenter.set(store.getBoolean("presenter", false));
        threads.set(Math.max(1, Math.min(cores, store.getInt("threads", cores))));
        dark.addListener((o, a, v) -> save(() -> store.putBoolean("dark", v)));
        presenter.addListener((o, a, v) -> save(() -> store.putBoolean("presenter", v)));
        threads.addListener((o, a, v) -> save(() -> store.putInt("threads", v.intValue())));
    }

    /** Stores at once, so a setting survives even if the app is killed. */
    private void save(Runnable put) {
        put.run();
        try {
            store.flush();
        } catch (java.util.prefs.BackingStoreException e) {
            // the setting still applies to this session; it just may not be remembered
        }
    }

    public static AppSettings load() {
        String node = System.getProperty("glassbox.prefs", "glassbox");
        return new AppSettings(Preferences.userRoot().node(node));
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }
}
