package org.glassbox.app;

import java.util.List;
import java.util.Map;
import org.glassbox.extraction.ui.ExtractionPage;
import org.glassbox.inversion.ui.InversionPage;
import org.glassbox.membership.ui.MembershipPage;
import org.glassbox.modellab.ui.ModelLabPage;
import org.glassbox.regions.ui.RegionsPage;
import org.glassbox.ui.PageContext;
import org.glassbox.ui.WorkspacePage;
import org.glassbox.watermark.ui.WatermarkPage;
import org.glassbox.workspace.Workspace;
import org.glassbox.workspaces.Workspaces;

/**
 * The app's side of the registry: each workspace's descriptor (from {@link Workspaces}, in its
 * order) with the factory of its page. The page is built the first time it is shown.
 */
final class WorkspaceRegistry {

    @FunctionalInterface
    interface PageFactory {
        WorkspacePage create(PageContext context) throws Exception;
    }

    /** A workspace in the list: what it is and how its page is made. */
    record Entry(Workspace<?, ?> workspace, PageFactory page) {
    }

    private static final Map<String, PageFactory> PAGES = Map.of(
            "model-lab", ModelLabPage::new,
            "gradient-inversion", InversionPage::new,
            "linear-regions", RegionsPage::new,
            "reverse-engineering", ExtractionPage::new,
            "watermarks", WatermarkPage::new,
            "membership-inference", MembershipPage::new,
            "differential-privacy", org.glassbox.privacy.ui.PrivacyPage::new,
            "backdoors", org.glassbox.backdoor.ui.BackdoorPage::new,
            "memorization", org.glassbox.memorization.ui.MemorizationPage::new);

    private WorkspaceRegistry() {
    }

    static List<Entry> entries() {
        return Workspaces.all().stream().filter(w -> PAGES.containsKey(w.id())).map(w -> new Entry(w, PAGES.get(w.id()))).toList();
    }
}
