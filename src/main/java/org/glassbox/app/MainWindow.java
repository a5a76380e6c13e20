package org.glassbox.app;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.CheckMenuItem;
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
import org.glassbox.ui.WorkspacePage;

/** The shell: menus, the workspace list on the left, the workspace in the middle, the status bar below. */
public final class MainWindow extends BorderPane {

    private final Stage stage;
    private final Assets assets;
    private final AppSettings settings;
    private final List<WorkspacePage> pages = new ArrayList<>();
    private final ListView<WorkspacePage> navigation = new ListView<>();
    private final StackPane content = new StackPane();
    private final StatusBar statusBar = new StatusBar();
    private final ReadOnlyObjectWrapper<WorkspacePage> current = new ReadOnlyObjectWrapper<>();

    public MainWindow(Stage stage, Assets assets, AppSettings settings) {
        this.stage = stage;
        this.assets = assets;
        this.settings = settings;
        setId("mainWindow");
        for (WorkspaceRegistry.PageFactory factory : WorkspaceRegistry.PAGES) {
            try {
                pages.add(factory.create(assets));
            } catch (Exception e) {
                content.getChildren().add(new Label(Failures.describe(e).text()));
            }
        }
        navigation.setId("navigation");
        navigation.getItems().setAll(pages);
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(WorkspacePage page, boolean empty) {
                super.updateItem(page, empty);
                setText(empty || page == null ? null : page.title());
                setTooltip(empty || page == null ? null : new javafx.scene.control.Tooltip(page.description()));
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, page) -> show(page));
        navigation.setPrefWidth(180);
        Label heading = new Label("Workspaces");
        heading.getStyleClass().add("text-caption");
        VBox left = new VBox(6, heading, navigation);
        left.setPadding(new Insets(8));
        VBox.setVgrow(navigation, javafx.scene.layout.Priority.ALWAYS);

        setTop(menuBar());
        setLeft(left);
        setCenter(content);
        setBottom(statusBar);
        if (!pages.isEmpty()) {
            navigation.getSelectionModel().select(0);
        }
        settings.threadsProperty().addListener((o, a, v) -> applyThreads(v.intValue()));
        applyThreads(settings.threadsProperty().get());
    }

    private void applyThreads(int threads) {
        Thread t = new Thread(() -> {
            ComputeBackend.setThreads(threads);
            Platform.runLater(statusBar::backendChanged);
        }, "glassbox-threads");
        t.setDaemon(true);
        t.start();
    }

    private void show(WorkspacePage page) {
        if (page == null) {
            return;
        }
        current.set(page);
        content.getChildren().setAll(page.view());
        statusBar.watch(page.currentJob());
        stage.setTitle("Glassbox — " + page.title());
    }

    public ReadOnlyObjectProperty<WorkspacePage> currentPage() {
        return current.getReadOnlyProperty();
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File", null,
                item(AppAction.OPEN, () -> onPage(WorkspacePage::open)),
                item(AppAction.OPEN_EXPERIMENT, () -> onPage(WorkspacePage::openExperiment)),
                item(AppAction.SAVE_EXPERIMENT, () -> onPage(WorkspacePage::saveExperiment)),
                new SeparatorMenuItem(),
                item(AppAction.SETTINGS, () -> new SettingsDialog(stage, settings).showAndWait()),
                new SeparatorMenuItem(),
                item(AppAction.QUIT, Platform::exit));
        Menu run = new Menu("_Run", null,
                item(AppAction.RUN, () -> onPage(WorkspacePage::run)),
                item(AppAction.PAUSE, () -> onPage(WorkspacePage::pauseOrResume)),
                item(AppAction.STEP, () -> onPage(WorkspacePage::step)),
                item(AppAction.CANCEL, () -> onPage(WorkspacePage::cancel)));
        CheckMenuItem dark = new CheckMenuItem(AppAction.TOGGLE_THEME.label());
        dark.setAccelerator(AppAction.TOGGLE_THEME.keys());
        dark.selectedProperty().bindBidirectional(settings.darkProperty());
        CheckMenuItem presenter = new CheckMenuItem(AppAction.TOGGLE_PRESENTER.label());
        presenter.setAccelerator(AppAction.TOGGLE_PRESENTER.keys());
        presenter.selectedProperty().bindBidirectional(settings.presenterProperty());
        Menu view = new Menu("_View", null, dark, presenter, new SeparatorMenuItem(),
                item(AppAction.FOCUS_NAVIGATION, navigation::requestFocus));
        Menu help = new Menu("_Help", null, item(AppAction.ABOUT, () -> new AboutDialog(stage, assets).showAndWait()));
        MenuBar bar = new MenuBar(file, run, view, help);
        bar.setId("menuBar");
        return bar;
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
