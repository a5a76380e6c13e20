package org.glassbox.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void theReportIsSelfContainedAndEscapesWhatItQuotes() {
        String html = new HtmlReport("Run <1> & more")
                .paragraph("a < b")
                .table("What", Map.of("model", "x\"y"))
                .image("Picture", new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB))
                .html();
        assertTrue(html.contains("<title>Run &lt;1&gt; &amp; more</title>"));
        assertTrue(html.contains("<p>a &lt; b</p>"));
        assertTrue(html.contains("x&quot;y"));
        assertTrue(html.contains("src=\"data:image/png;base64,"), "images are inlined");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing is fetched when it opens");
        assertTrue(html.contains("deeplearning4j"), "versions are listed");
    }
}
