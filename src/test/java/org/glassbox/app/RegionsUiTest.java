package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.glassbox.models.CatalogEntry;
import org.glassbox.regions.RegionMap;
import org.glassbox.regions.ui.RegionMapView;
import org.glassbox.regions.ui.RegionsPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Linear regions workspace, headless: live training draws maps, and a deep zoom on the Fashion-MNIST plane stays exact. */
class RegionsUiTest extends HeadlessAppTest {

    private static RegionsPage page;

    @BeforeAll
    static void openRegions() {
        page = (RegionsPage) open(new FxRobot(), "Linear regions");
    }

    @Test
    void trainingLiveDrawsExactMapsThatTileTheWindow() throws Exception {
        robot.interact(page::run);
        RegionMapView view = page.mapView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.map() != null && page.currentJob().get().completedIterations() >= 3);
        robot.interact(page::cancel);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> page.currentJob().get().state().isFinal());
        RegionMap map = view.map();
        assertTrue(map.size() > 1, "regions: " + map.size());
        assertEquals(map.window().area(), map.totalArea(), 1e-9);
        String summary = robot.lookup("#regionSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains(String.format("%,d regions", map.size())) || summary.contains("regions"), summary);
    }

    @Test
    void aDeepZoomOnTheFashionMnistPlaneStaysExact() throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<CatalogEntry> sample = robot.lookup("#regionSample").queryAs(ComboBox.class);
        CatalogEntry mlp = sample.getItems().stream().filter(e -> e.id().equals("mlp-784-128-10")).findFirst().orElseThrow();
        robot.interact(() -> sample.setValue(mlp));
        Button show = robot.lookup("Show map").queryAs(Button.class);
        robot.interact(show::fire);
        RegionMapView view = page.mapView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.map() != null && view.map().size() > 100);
        for (int i = 0; i < 10; i++) {
            robot.interact(() -> view.zoomToNearestVertex(view.window().centerU(), view.window().centerV()));
        }
        assertTrue(view.window().width() < 2e-6, "zoomed to " + view.window().width());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.map().window().equals(view.window()));
        RegionMap map = view.map();
        assertTrue(map.size() >= 2, "several regions meet at a vertex: " + map.size());
        assertEquals(map.window().area(), map.totalArea(), map.window().area() * 1e-6);
    }
}
