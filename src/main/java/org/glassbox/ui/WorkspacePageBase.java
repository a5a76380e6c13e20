package org.glassbox.ui;

import java.util.concurrent.Executor;
import org.glassbox.data.Assets;

/**
 * What every workspace page shares: the bundled data and the executor of its {@link PageContext},
 * the message area, the job controls (run, pause, step, cancel, history) and the presenter that
 * runs jobs on that executor. A page adds its own controls, view and drawing.
 */
public abstract class WorkspacePageBase implements WorkspacePage {

    protected final Assets assets;
    protected final Executor executor;
    protected final Messages messages = new Messages();
    protected final JobControls controls = new JobControls(this::run);
    protected final JobPresenter jobs;

    protected WorkspacePageBase(PageContext context) {
        this.assets = context.assets();
        this.executor = context.executor();
        this.jobs = new JobPresenter(controls, messages, executor);
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
