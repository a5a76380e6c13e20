package org.glassbox.workspaces;

import java.util.List;
import java.util.Optional;
import org.glassbox.extraction.ExtractionWorkspace;
import org.glassbox.inversion.InversionWorkspace;
import org.glassbox.membership.MembershipWorkspace;
import org.glassbox.modellab.ModelLabWorkspace;
import org.glassbox.regions.RegionsWorkspace;
import org.glassbox.watermark.WatermarkWorkspace;
import org.glassbox.workspace.Workspace;

/**
 * Every workspace, in the order the app lists them. The app, {@code glassbox run}, the CLI's help
 * and the tests read this list; a new workspace is one line here (and one in the app's page list).
 */
public final class Workspaces {

    private static final List<Workspace<?, ?>> ALL = List.of(new ModelLabWorkspace(), new InversionWorkspace(),
            new RegionsWorkspace(), new ExtractionWorkspace(), new WatermarkWorkspace(), new MembershipWorkspace(),
            new org.glassbox.privacy.PrivacyWorkspace(), new org.glassbox.backdoor.BackdoorWorkspace(),
            new org.glassbox.memorization.MemorizationWorkspace());

    private Workspaces() {
    }

    public static List<Workspace<?, ?>> all() {
        return ALL;
    }

    public static Optional<Workspace<?, ?>> byId(String id) {
        return ALL.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", ALL.stream().map(Workspace::id).toList());
    }
}
