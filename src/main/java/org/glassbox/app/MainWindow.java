package org.glassbox.app;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.glassbox.data.Assets;
import org.glassbox.engine.ComputeBackend;
import org.glassbox.engine.Failures;
import org.glassbox.engine.UserMessage;
import org.glassbox.ui.WorkspacePage;

/** The shell: menus, the workspace list on the left, the workspace in the middle, the status bar below. */
public final class MainWindow extends BorderPane {

    private final Stage stage;
    private final Assets assets;
    private final AppSettings settings;
    private final ListView<Slot> navigation = new ListView<>();
    private final StackPane content = new StackPane();
    private final org.glassbox.ui.JobBoard board = new org.glassbox.ui.JobBoard();
    private final StatusBar statusBar = new StatusBar(board);
    private final ReadOnlyObjectWrapper<WorkspacePage> current = new ReadOnlyObjectWrapper<>();

    /**
     * A workspace in the list: its page once built, or the error that building it gave. A page that
     * fails to build stays listed and shows why, instead of vanishing.
     */
    static final class Slot {
        private final WorkspaceRegistry.Entry entry;
        private WorkspacePage page;
        private Node error;

        Slot(WorkspaceRegistry.Entry entry) {
            this.entry = entry;
        }

        String title() {
            return entry.workspace().title();
        }

        /** The page, built on first use; null if building it failed (then {@link #view} shows the error). */
        WorkspacePage page(Assets assets, org.glassbox.ui.JobBoard board) {
            if (page == null && error == null) {
                try {
                    page = entry.page().create(org.glassbox.ui.PageContext.background(assets, board));
                } catch (Exception | LinkageError e) {
                    UserMessage m = Failures.describe(e);
                    Label problem = new Label(title() + " could not be opened: " + m.problem());
                    problem.setWrapText(true);
                    problem.getStyleClass().add("title-4");
                    Label remedy = new Label(m.remedy());
                    remedy.setWrapText(true);
                    VBox box = new VBox(8, problem, remedy);
                    box.setId("pageError");
                    box.setPadding(new Insets(24));
                    error = box;
                }
            }
            return page;
        }

        Node view(Assets assets, org.glassbox.ui.JobBoard board) {
            WorkspacePage p = page(assets, board);
            return p != null ? p.view() : error;
        }

        /** The page if it has been built, else null (for tests). */
        WorkspacePage builtPage() {
            return page;
        }

        /** Drops the page (cancelling its job), so that the next {@link #page} builds it afresh with every default. */
        void reset(org.glassbox.ui.JobBoard board) {
            if (page != null) {
                page.cancel();
                board.unregister(page.jobs());
            }
            page = null;
            error = null;
        }
    }

    public MainWindow(Stage stage, Assets assets, AppSettings settings) {
        this(stage, assets, settings, WorkspaceRegistry.entries());
    }

    MainWindow(Stage stage, Assets assets, AppSettings settings, List<WorkspaceRegistry.Entry> entries) {
        this.stage = stage;
        this.assets = assets;
        this.settings = settings;
        setId("mainWindow");
        navigation.setId("navigation");
        navigation.getItems().setAll(entries.stream().map(Slot::new).toList());
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Slot slot, boolean empty) {
                super.updateItem(slot, empty);
                boolean running = !empty && slot != null && board.isBusy(slot.title());
                setText(empty || slot == null ? null : running ? slot.title() + "  ●" : slot.title());
                setAccessibleText(running ? slot.title() + ", running" : null);
                setWrapText(true);
                setPrefWidth(0); // wrap within the list's width rather than widen it
                setTooltip(empty || slot == null ? null : new javafx.scene.control.Tooltip(slot.entry.workspace().description()));
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, slot) -> show(slot));
        // as wide as the longest title at the text size in use, so that presenter mode does not cut it
        navigation.setStyle("-fx-pref-width: 12.5em;");
        showSettings.addListener((o, a, show) -> onPage(p -> p.showSettings(show)));
        Label heading = new Label("Workspaces");
        heading.getStyleClass().add("text-caption");
        VBox left = new VBox(6, heading, navigation);
        left.setPadding(new Insets(8));
        VBox.setVgrow(navigation, javafx.scene.layout.Priority.ALWAYS);

        setTop(menuBar());
        setLeft(left);
        setCenter(content);
        setBottom(statusBar);
        if (!navigation.getItems().isEmpty()) {
            navigation.getSelectionModel().select(0);
        }
        // A job left running in another workspace stays marked in the list; Esc cancels the job on screen
        // wherever the focus is (the list itself would take Esc for its own editing otherwise).
        javafx.animation.Timeline marks = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(500), e -> refreshRunningMarks()));
        marks.setCycleCount(javafx.animation.Animation.INDEFINITE);
        marks.play();
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && current.get() != null && current.get().jobs().isBusy()) {
                current.get().cancel();
                e.consume();
            }
        });
        content.addEventHandler(org.glassbox.ui.InputProblemEvent.INPUT_PROBLEM, e -> onPage(p -> p.showProblem(e.message())));
        settings.threadsProperty().addListener((o, a, v) -> applyThreads(v.intValue()));
        applyThreads(settings.threadsProperty().get());
    }

    private java.util.List<Boolean> shownMarks = List.of();

    private void refreshRunningMarks() {
        java.util.List<Boolean> marks = navigation.getItems().stream().map(slot -> board.isBusy(slot.title())).toList();
        if (!marks.equals(shownMarks)) {
            shownMarks = marks;
            navigation.refresh();
        }
    }

    private void applyThreads(int threads) {
        Thread t = new Thread(() -> {
            ComputeBackend.setThreads(threads);
            Platform.runLater(statusBar::backendChanged);
        }, "glassbox-threads");
        t.setDaemon(true);
        t.start();
    }

    private void show(Slot slot) {
        if (slot == null) {
            return;
        }
        WorkspacePage page = slot.page(assets, board);
        current.set(page);
        content.getChildren().setAll(slot.view(assets, board));
        fillDemos(page);
        if (page != null) {
            page.showSettings(showSettings.get());
        }
        if (page != null) {
            statusBar.watch(page.currentJob());
        }
        stage.setTitle("Glassbox — " + slot.title());
    }

    /** Ctrl+Shift+O: an experiment file chosen in a dialog, opened in its own workspace. */
    private void openExperiment() {
        java.io.File file = org.glassbox.ui.Forms.openFile(this, "Open experiment", "Experiment", "*.json");
        if (file != null) {
            openExperiment(file.toPath());
        }
    }

    /**
     * Opens an experiment (or a run record) in the workspace it was saved from, bringing that
     * workspace forward; a file no workspace here can open is refused in the page on screen, with the reason.
     */
    public void openExperiment(java.nio.file.Path file) {
        org.glassbox.experiment.Experiment experiment;
        try {
            experiment = org.glassbox.experiment.ExperimentFiles.read(file);
        } catch (org.glassbox.engine.UserFacingException e) {
            onPage(p -> p.showProblem(e.userMessage()));
            return;
        }
        java.util.Optional<Slot> slot = navigation.getItems().stream()
                .filter(s -> s.entry.workspace().id().equals(experiment.workspace())).findFirst();
        if (slot.isEmpty()) {
            onPage(p -> p.showProblem(new UserMessage(file.getFileName() + " is an experiment for workspace '" + experiment.workspace()
                    + "', which this Glassbox does not have.", "Its workspaces are " + String.join(", ",
                    navigation.getItems().stream().map(s -> s.entry.workspace().id()).toList()) + ".")));
            return;
        }
        navigation.getSelectionModel().select(slot.get());
        WorkspacePage page = slot.get().page(assets, board);
        if (page != null) {
            page.applyExperiment(file);
        }
    }

    /** The workspaces in the list (for the soak benchmark and tests). */
    List<Slot> slots() {
        return List.copyOf(navigation.getItems());
    }

    /** Brings a workspace forward, as a click in the list would. */
    void select(Slot slot) {
        navigation.getSelectionModel().select(slot);
    }

    public ReadOnlyObjectProperty<WorkspacePage> currentPage() {
        return current.getReadOnlyProperty();
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File", null,
                item(AppAction.OPEN, () -> onPage(WorkspacePage::open)),
                item(AppAction.OPEN_EXPERIMENT, this::openExperiment),
                item(AppAction.SAVE_EXPERIMENT, () -> onPage(WorkspacePage::saveExperiment)),
                new SeparatorMenuItem(),
                item(AppAction.SETTINGS, () -> new SettingsDialog(stage, settings).showAndWait()),
                new SeparatorMenuItem(),
                item(AppAction.QUIT, Platform::exit));
        Menu run = new Menu("_Run", null,
                item(AppAction.RUN, () -> onPage(WorkspacePage::run)),
                item(AppAction.PAUSE, () -> onPage(WorkspacePage::pauseOrResume)),
                item(AppAction.STEP, () -> onPage(WorkspacePage::step)),
                item(AppAction.CANCEL, () -> onPage(WorkspacePage::cancel)),
                new SeparatorMenuItem(),
                item(AppAction.SLOWER, () -> board.changePace(+1)),
                item(AppAction.FASTER, () -> board.changePace(-1)));
        CheckMenuItem dark = new CheckMenuItem(AppAction.TOGGLE_THEME.label());
        dark.setAccelerator(AppAction.TOGGLE_THEME.keys());
        dark.selectedProperty().bindBidirectional(settings.darkProperty());
        CheckMenuItem presenter = new CheckMenuItem(AppAction.TOGGLE_PRESENTER.label());
        presenter.setAccelerator(AppAction.TOGGLE_PRESENTER.keys());
        presenter.selectedProperty().bindBidirectional(settings.presenterProperty());
        demos.setId("demosMenu");
        CheckMenuItem settingsPanel = new CheckMenuItem(AppAction.TOGGLE_SETTINGS.label());
        settingsPanel.setAccelerator(AppAction.TOGGLE_SETTINGS.keys());
        settingsPanel.setId("action-toggle_settings");
        settingsPanel.selectedProperty().bindBidirectional(showSettings);
        Menu view = new Menu("_View", null, dark, presenter, settingsPanel, new SeparatorMenuItem(),
                item(AppAction.FOCUS_NAVIGATION, navigation::requestFocus));
        Menu help = new Menu("_Help", null, item(AppAction.SHORTCUTS, this::showShortcuts),
                item(AppAction.ABOUT, () -> new AboutDialog(stage, assets).showAndWait()));
        MenuBar bar = new MenuBar(file, run, demos, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private final Menu demos = new Menu("_Demos");
    /** Whether pages show their settings beside their views (F9 puts them away, for a class). */
    private final javafx.beans.property.BooleanProperty showSettings = new javafx.beans.property.SimpleBooleanProperty(true);

    /** The Demos menu for the workspace on screen: its demos (Ctrl+1, 2, 3), then Reset to defaults. */
    private void fillDemos(WorkspacePage page) {
        demos.getItems().clear();
        java.util.List<org.glassbox.workspace.Demo> list = page == null ? List.of() : page.demos();
        for (int i = 0; i < list.size(); i++) {
            org.glassbox.workspace.Demo demo = list.get(i);
            MenuItem entry = new MenuItem(demo.name());
            entry.setMnemonicParsing(false);
            if (i < AppAction.DEMOS.size()) {
                entry.setAccelerator(AppAction.DEMOS.get(i).keys());
            }
            entry.setId("demo-" + (i + 1));
            entry.setOnAction(e -> page.runDemo(demo));
            demos.getItems().add(entry);
        }
        if (!list.isEmpty()) {
            demos.getItems().add(new SeparatorMenuItem());
        }
        demos.getItems().add(item(AppAction.RESET, this::resetCurrent));
    }

    /** Reset to defaults: the workspace on screen built afresh (its job cancelled), as when the app started. */
    public void resetCurrent() {
        Slot slot = navigation.getSelectionModel().getSelectedItem();
        if (slot != null) {
            slot.reset(board);
            show(slot);
        }
    }

    /** Help → Keyboard shortcuts: every command and its keys. */
    private void showShortcuts() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(24);
        grid.setVgap(4);
        int row = 0;
        for (AppAction action : AppAction.values()) {
            Label keys = new Label(action.keys().getDisplayText());
            keys.setStyle("-fx-font-family: monospace;");
            grid.addRow(row++, new Label(action.label()), keys);
        }
        grid.addRow(row++, new Label("Workspace list: choose a workspace"), new Label("↑ ↓"));
        grid.addRow(row, new Label("Region map: zoom, pan, reset"), new Label("+ − arrows 0"));
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.show();
    }

    /** Runs an action on the workspace on screen; with none selected, the action does nothing. */
    private void onPage(java.util.function.Consumer<WorkspacePage> action) {
        if (current.get() != null) {
            action.accept(current.get());
        }
    }

    private static MenuItem item(AppAction action, Runnable command) {
        MenuItem item = new MenuItem(action.label());
        item.setAccelerator(action.keys());
        item.setOnAction(e -> command.run());
        item.setId("action-" + action.name().toLowerCase(java.util.Locale.ROOT));
        return item;
    }
}
