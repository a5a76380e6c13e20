package org.glassbox.app;

import javafx.scene.input.KeyCombination;

/** Every command of the shell with its label and shortcut, so menus and shortcuts stay in step. */
public enum AppAction {
    OPEN("Open model…", "Shortcut+O"),
    OPEN_EXPERIMENT("Open experiment…", "Shortcut+Shift+O"),
    SAVE_EXPERIMENT("Save experiment…", "Shortcut+S"),
    SETTINGS("Settings…", "Shortcut+Comma"),
    QUIT("Quit", "Shortcut+Q"),
    RUN("Run", "F5"),
    PAUSE("Pause / resume", "F6"),
    STEP("Step one iteration", "F7"),
    CANCEL("Cancel", "Esc"),
    SLOWER("Slower (wait after each iteration)", "Shortcut+OPEN_BRACKET"),
    FASTER("Faster", "Shortcut+CLOSE_BRACKET"),
    TOGGLE_THEME("Dark theme", "Shortcut+Shift+D"),
    TOGGLE_PRESENTER("Presenter mode", "Shortcut+Shift+P"),
    TOGGLE_SETTINGS("Settings panel", "F9"),
    FOCUS_NAVIGATION("Go to workspace list", "Shortcut+L"),
    DEMO_1("First demo of this workspace", "Shortcut+1"),
    DEMO_2("Second demo", "Shortcut+2"),
    DEMO_3("Third demo", "Shortcut+3"),
    RESET("Reset this workspace to its defaults", "Shortcut+Shift+R"),
    SHORTCUTS("Keyboard shortcuts", "F1"),
    ABOUT("About Glassbox", "Shortcut+F1");

    /** The demo actions in menu order. */
    static final java.util.List<AppAction> DEMOS = java.util.List.of(DEMO_1, DEMO_2, DEMO_3);

    private final String label;
    private final KeyCombination keys;

    AppAction(String label, String keys) {
        this.label = label;
        this.keys = KeyCombination.valueOf(keys);
    }

    public String label() {
        return label;
    }

    public KeyCombination keys() {
        return keys;
    }
}
