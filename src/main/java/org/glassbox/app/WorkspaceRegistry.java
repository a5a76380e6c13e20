package org.glassbox.app;

import java.util.List;
import org.glassbox.data.Assets;
import org.glassbox.extraction.ui.ExtractionPage;
import org.glassbox.inversion.ui.InversionPage;
import org.glassbox.modellab.ui.ModelLabPage;
import org.glassbox.regions.ui.RegionsPage;
import org.glassbox.ui.WorkspacePage;
import org.glassbox.watermark.ui.WatermarkPage;

/** The workspaces listed in the navigation, in order. Only workspaces that work are listed. */
final class WorkspaceRegistry {

    @FunctionalInterface
    interface PageFactory {
        WorkspacePage create(Assets assets) throws Exception;
    }

    static final List<PageFactory> PAGES = List.of(ModelLabPage::new, InversionPage::new, RegionsPage::new, ExtractionPage::new,
            WatermarkPage::new);

    private WorkspaceRegistry() {
    }
}
