package org.glassbox.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.glassbox.data.Assets;
import org.glassbox.engine.Failures;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.workspace.Workspace;

/**
 * What every workspace page shares: the bundled data and the executor of its {@link PageContext},
 * the message area, the job controls (run, pause, step, cancel, history) and the presenter that
 * runs jobs on that executor, and the save and open flow of experiment files, checked by the
 * workspace's descriptor. A page adds its own controls, view and drawing, and says how its
 * controls become an experiment and back.
 */
public abstract class WorkspacePageBase implements WorkspacePage {

    protected final Assets assets;
    protected final Executor executor;
    protected final Messages messages = new Messages();
    protected final JobControls controls = new JobControls(this::run);
    protected final JobPresenter jobs;
    protected final Workspace<?, ?> workspace;

    protected WorkspacePageBase(PageContext context, Workspace<?, ?> workspace) {
        this.assets = context.assets();
        this.executor = context.executor();
        this.workspace = workspace;
        this.jobs = new JobPresenter(controls, messages, executor, context.board(), workspace.title());
    }

    private final javafx.scene.control.Label formula = new javafx.scene.control.Label();
    private final javafx.scene.control.Label narration = new javafx.scene.control.Label();
    private javafx.scene.control.SplitPane split;

    /**
     * The formula the workspace computes and one plain-language line on what the job is doing now,
     * for the top of the page's view: what a teacher would say beside the expert figures.
     */
    protected final javafx.scene.Node explanation() {
        formula.setText(workspace.formula());
        formula.setId("formula");
        formula.setWrapText(true);
        formula.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        formula.getStyleClass().add("text-muted");
        narration.setId("narration");
        narration.setWrapText(true);
        narration.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        narration.setStyle("-fx-font-style: italic;");
        narration.visibleProperty().bind(narration.textProperty().isNotEmpty());
        narration.managedProperty().bind(narration.visibleProperty());
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(2, formula, narration);
        box.setId("explanation");
        return box;
    }

    /** Says in plain words what the job is doing now (empty: nothing to say). */
    protected final void narrate(String text) {
        narration.setText(text == null ? "" : text);
    }

    /** The plain-language line shown now (for tests). */
    public final String narration() {
        return narration.getText();
    }
    private javafx.scene.Node settingsPane;
    private double settingsShare = 0.33;

    /**
     * The page's layout: its settings on the left of its views, divided so that the person can drag
     * the divider, and the settings can be put away (F9) to give the views the whole width.
     */
    protected final javafx.scene.control.SplitPane settingsBeside(javafx.scene.Node settings, javafx.scene.Node... views) {
        settingsPane = settings;
        split = new javafx.scene.control.SplitPane(settings);
        split.getItems().addAll(views);
        javafx.scene.control.SplitPane.setResizableWithParent(settings, false);
        return split;
    }

    @Override
    public final void showSettings(boolean show) {
        if (split == null || show == split.getItems().contains(settingsPane)) {
            return;
        }
        if (show) {
            split.getItems().add(0, settingsPane);
            split.setDividerPosition(0, settingsShare);
        } else {
            settingsShare = split.getDividerPositions().length > 0 ? split.getDividerPositions()[0] : settingsShare;
            split.getItems().remove(settingsPane);
        }
    }

    /**
     * The usual settings column: a title, a sentence on what the settings do, the page's own
     * controls, the job controls and "Save results…", in a column whose width follows the text
     * size and that scrolls when the window is short.
     */
    protected final javafx.scene.control.ScrollPane settingsColumn(String title, String explanation, javafx.scene.Node... content) {
        javafx.scene.control.Label heading = new javafx.scene.control.Label(title);
        heading.setWrapText(true);
        heading.getStyleClass().add("title-4");
        javafx.scene.control.Label explain = new javafx.scene.control.Label(explanation);
        explain.setWrapText(true);
        javafx.scene.control.Button save = new javafx.scene.control.Button("Save results…");
        save.setOnAction(e -> chooseFolderAndSaveResults());
        javafx.scene.layout.VBox column = new javafx.scene.layout.VBox(10, heading, explain);
        column.getChildren().addAll(content);
        column.getChildren().addAll(controls, save);
        column.setPadding(new javafx.geometry.Insets(12));
        column.setStyle("-fx-min-width: 17em;"); // grows with the text size; labels wrap below it
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(column);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /**
     * The page's content with its messages floating over its top right corner, so that a message
     * appearing or going does not move the map, the images or the editor under it.
     */
    protected final javafx.scene.Node withMessagesOver(javafx.scene.Node content) {
        javafx.scene.layout.StackPane stack = new javafx.scene.layout.StackPane(content, messages);
        javafx.scene.layout.StackPane.setAlignment(messages, javafx.geometry.Pos.TOP_RIGHT);
        javafx.scene.layout.StackPane.setMargin(messages, new javafx.geometry.Insets(6, 18, 0, 0));
        messages.setPickOnBounds(false);
        // the theme's message colours are translucent in the dark theme: an opaque base keeps the text under it out of the way
        messages.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 6;");
        messages.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        messages.maxWidthProperty().bind(stack.widthProperty().multiply(0.62));
        return stack;
    }

    /** The page's settings as an experiment (what Ctrl+S saves and F5 runs). */
    public abstract Experiment currentExperiment() throws UserFacingException;

    /**
     * Puts an experiment of this workspace, already read and checked by the descriptor, into the
     * page's controls; {@code base} is the folder relative paths in it are taken from.
     */
    protected abstract void show(Experiment experiment, Path base) throws Exception;

    /** What F5 starts: the job, or a message saying why not. */
    @FunctionalInterface
    protected interface Start {
        void start() throws Exception;
    }

    /** F5's common frame: nothing while a job runs, the messages cleared, any failure of {@code start} shown as a message. */
    protected final void startUnlessBusy(Start start) {
        if (jobs.isBusy()) {
            return;
        }
        messages.clear();
        if (!jobs.mayStart()) {
            return;
        }
        try {
            start.start();
        } catch (Exception e) {
            messages.showProblem(Failures.describe(e));
        }
    }

    /** Whether there is a run whose results can be saved; pages with "Save results" say when. */
    protected boolean hasResults() {
        return false;
    }

    /** Writes the shown run's results into {@code folder} (through {@code experiment.ResultFolder}, so atomically). */
    protected void writeResults(Path folder) throws java.io.IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no results to save");
    }

    /** "Save results…": the shown run's results into a folder chosen in a dialog. */
    protected final void chooseFolderAndSaveResults() {
        if (!hasResults()) {
            messages.showProblem(new org.glassbox.engine.UserMessage("There is no run yet.", "Press F5 first."));
            return;
        }
        File dir = Forms.chooseFolder(view(), "Save results into a folder");
        if (dir != null) {
            saveResults(dir.toPath());
        }
    }

    /** Writes the shown run's results into the folder, or says that there is no run yet. */
    public void saveResults(Path folder) {
        if (!hasResults()) {
            messages.showProblem(new org.glassbox.engine.UserMessage("There is no run yet.", "Press F5 first."));
            return;
        }
        messages.writeOrReport(() -> writeResults(folder), folder.toFile());
    }

    /** Seconds the current job has run, for a results record written while it is shown. */
    protected final double jobSeconds() {
        org.glassbox.engine.Job<?> job = jobs.currentJob().get();
        return job == null ? 0 : job.elapsedSeconds();
    }

    @Override
    public final void saveExperiment() {
        Experiment experiment;
        try {
            experiment = currentExperiment();
        } catch (UserFacingException e) {
            messages.showProblem(e.userMessage());
            return;
        }
        File file = Forms.saveFile(view(), "Save experiment", workspace.id() + ".experiment.json", "*.json");
        if (file != null) {
            messages.writeOrReport(() -> ExperimentFiles.write(experiment, file.toPath()), file);
        }
    }

    @Override
    public final void applyExperiment(Path file) {
        messages.clear();
        try {
            Experiment experiment = ExperimentFiles.read(file, workspace.id());
            if (applyExperiment(experiment, file.toAbsolutePath().getParent()) && messages.text().isEmpty()) {
                messages.showInfo("Opened experiment " + file.getFileName() + ". Press F5 to run it.");
            }
        } catch (Exception e) {
            messages.showProblem(Failures.describe(e));
        }
    }

    @Override
    public final boolean applyExperiment(Experiment experiment, Path base) {
        try {
            workspace.setup(experiment);
            show(experiment, base);
            return true;
        } catch (Exception e) {
            messages.showProblem(Failures.describe(e));
            return false;
        }
    }

    @Override
    public final void runDemo(org.glassbox.workspace.Demo demo) {
        if (jobs.isBusy()) {
            messages.showProblem(new org.glassbox.engine.UserMessage("A job is still running here.",
                    "Cancel it (Esc) or wait for it, then choose the demo again."));
            return;
        }
        messages.clear();
        org.glassbox.engine.Job<?> before = jobs.currentJob().get();
        if (applyExperiment(demo.experiment(), Path.of("")) && messages.text().isEmpty()) {
            run();
            if (jobs.currentJob().get() != before && messages.text().isEmpty()) {
                messages.showInfo(demo.name() + ": " + demo.shows());
            }
        }
    }

    @Override
    public final java.util.List<org.glassbox.workspace.Demo> demos() {
        return workspace.demos();
    }

    @Override
    public final void showProblem(org.glassbox.engine.UserMessage message) {
        messages.showProblem(message);
    }

    @Override
    public final JobPresenter jobs() {
        return jobs;
    }

    /** The page's messages (for tests). */
    public final Messages messages() {
        return messages;
    }
}
