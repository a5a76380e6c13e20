package org.glassbox.watermark.ui;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.glassbox.data.Assets;
import org.glassbox.engine.UserMessage;
import org.glassbox.ui.Forms;
import org.glassbox.ui.LatestOnly;
import org.glassbox.watermark.ImageAttack;
import org.glassbox.watermark.ImageAttacks;
import org.glassbox.watermark.ImageWatermark;
import org.glassbox.watermark.WatermarkBenchmark;

/**
 * The image half of the watermark workspace: a photograph marked with the DWT-DCT watermark, and
 * sliders that distort it while the decoded bits, the bit accuracy and the PSNR follow.
 */
final class ImageWatermarkView extends ScrollPane {

    private static final List<String> PHOTOS = List.of("coffee", "astronaut", "chelsea", "rocket", "hubble_deep_field", "camera");

    /** One computation: mark the image with the bits, distort it, decode it. */
    private record Request(BufferedImage photo, boolean[] bits, ImageAttacks attacks, long seed) {
    }

    private record Result(Request request, BufferedImage marked, BufferedImage attacked, BufferedImage difference,
                          ImageWatermark.Decoded decoded, double markPsnr, double attackPsnr, double millis) {
    }

    private final Assets assets;
    private final Consumer<UserMessage> problems;
    private final ComboBox<String> photo = new ComboBox<>();
    private final TextField bits = new TextField(ImageWatermark.toText(ImageWatermark.sdxlPayload()));
    private final Slider jpeg = slider("jpegSlider", 10, 100, 100, "JPEG quality (100: no JPEG)");
    private final CheckBox fullColour = new CheckBox("JPEG keeps full colour (4:4:4)");
    private final Slider resize = slider("resizeSlider", 0.25, 1, 1, "Scaled by this and back (1: none)");
    private final Slider crop = slider("cropSlider", 0.5, 1, 1, "Share of each side kept, scaled back to full size (1: none)");
    private final Slider noise = slider("noiseSlider", 0, 0.1, 0, "Gaussian noise σ as a share of the 0–255 range");
    private final Slider brightness = slider("brightnessSlider", 0.5, 2, 1, "Brightness factor (1: none)");
    private final Slider rotation = slider("rotationSlider", 0, 45, 0, "Rotation in degrees about the centre");
    private final ImageView original = new ImageView();
    private final ImageView attacked = new ImageView();
    private final ImageView difference = new ImageView();
    private final Label status = new Label("Choose a photograph.");
    private final LatestOnly<Request, Result> compute;
    private BufferedImage source;
    private long seed = 1;
    private Result shown;

    ImageWatermarkView(Assets assets, Consumer<UserMessage> problems) {
        this.assets = assets;
        this.problems = problems;
        this.compute = new LatestOnly<>(ImageWatermarkView::run, this::show,
                e -> problems.accept(new UserMessage(e.getMessage() + ".", "Change the payload or choose a larger image.")));
        build();
    }

    private static Slider slider(String id, double min, double max, double value, String tip) {
        Slider s = new Slider(min, max, value);
        s.setId(id);
        s.setTooltip(new Tooltip(tip));
        return s;
    }

    private void build() {
        photo.getItems().setAll(PHOTOS);
        photo.setId("photoChoice");
        photo.valueProperty().addListener((o, a, b) -> loadPhoto(assets.assets().resolve("photos/" + b + ".png")));
        Button file = new Button("Image file…");
        file.setOnAction(e -> {
            File f = Forms.openFile(this, "Open image", "Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif");
            if (f != null) {
                loadPhoto(f.toPath());
            }
        });
        bits.setId("payloadBits");
        bits.setTooltip(new Tooltip("The payload as 0s and 1s; the default is the 48 bits Stable Diffusion XL embeds"));
        bits.textProperty().addListener((o, a, b) -> update());
        fullColour.setId("fullColour");
        fullColour.selectedProperty().addListener((o, a, b) -> update());
        for (Slider s : List.of(jpeg, resize, crop, noise, brightness, rotation)) {
            s.valueProperty().addListener((o, a, b) -> update());
        }
        GridPane sliders = new GridPane();
        sliders.setHgap(8);
        sliders.setVgap(4);
        row(sliders, 0, "JPEG quality", jpeg, "%.0f");
        sliders.add(fullColour, 1, 1, 2, 1);
        row(sliders, 2, "Resize", resize, "×%.2f");
        row(sliders, 3, "Crop, keep", crop, "%.2f");
        row(sliders, 4, "Noise σ", noise, "%.3f");
        row(sliders, 5, "Brightness", brightness, "×%.2f");
        row(sliders, 6, "Rotation", rotation, "%.0f°");
        Button none = new Button("No attack");
        none.setOnAction(e -> {
            jpeg.setValue(100);
            resize.setValue(1);
            crop.setValue(1);
            noise.setValue(0);
            brightness.setValue(1);
            rotation.setValue(0);
        });
        Label how = new Label("DWT-DCT, as invisible-watermark (used by Stable Diffusion) does it, with the DCT its README"
                + " describes: the bits go into U, a colour channel, through the Haar low-low band, one bit per 4×4 block,"
                + " repeated and decoded by majority vote.");
        how.setWrapText(true);
        for (ImageView v : List.of(original, attacked, difference)) {
            v.setPreserveRatio(true);
            v.fitWidthProperty().bind(widthProperty().subtract(44).divide(3));
        }
        attacked.setId("attackedImage");
        status.setId("imageStatus");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox images = new HBox(8, captioned("Original", original), captioned("Watermarked, then attacked", attacked),
                captioned("Difference from the original ×20", difference));
        VBox box = new VBox(8, new HBox(8, new Label("Photograph"), photo, file), Forms.row("Payload bits", bits, 90), how,
                status, images, sliders, none);
        box.setPadding(new Insets(8, 0, 0, 0));
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    private static VBox captioned(String caption, ImageView view) {
        Label l = new Label(caption);
        l.getStyleClass().add("text-caption");
        return new VBox(2, l, view);
    }

    private static void row(GridPane grid, int r, String name, Slider s, String format) {
        Label label = new Label(name);
        label.setLabelFor(s);
        label.setMinWidth(90);
        Label value = new Label();
        value.setMinWidth(50);
        value.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, format, s.getValue()), s.valueProperty()));
        GridPane.setHgrow(s, Priority.ALWAYS);
        grid.addRow(r, label, s, value);
    }

    /** Loads the first photograph; called when the tab is first shown. */
    void start() {
        if (photo.getValue() == null) {
            photo.setValue(PHOTOS.get(0));
        }
    }

    void setSeed(long seed) {
        this.seed = seed;
        update();
    }

    private void loadPhoto(Path file) {
        try {
            source = ImageAttack.rgb(org.glassbox.data.ImageFiles.read(file));
            original.setImage(SwingFXUtils.toFXImage(source, null));
            update();
        } catch (org.glassbox.engine.UserFacingException e) {
            problems.accept(e.userMessage());
        }
    }

    private void update() {
        if (source == null) {
            return;
        }
        boolean[] payload;
        try {
            payload = ImageWatermark.fromText(bits.getText().trim());
        } catch (IllegalArgumentException e) {
            status.setText("The payload must be 0s and 1s, e.g. 1011.");
            return;
        }
        ImageAttacks attacks = new ImageAttacks(jpeg.getValue() >= 99.5 ? 100 : (int) Math.round(jpeg.getValue()),
                !fullColour.isSelected(), resize.getValue(), crop.getValue(), noise.getValue(), brightness.getValue(),
                rotation.getValue());
        compute.submit(new Request(source, payload, attacks, seed));
    }

    private static Result run(Request r) {
        long start = System.nanoTime();
        ImageWatermark mark = new ImageWatermark();
        BufferedImage marked = mark.embed(r.photo(), r.bits());
        BufferedImage attacked = r.attacks().apply(marked, r.seed());
        ImageWatermark.Decoded decoded = mark.decode(attacked, r.bits().length);
        return new Result(r, marked, attacked, ImageAttack.difference(r.photo(), attacked, 20), decoded,
                ImageAttack.psnr(r.photo(), marked), ImageAttack.psnr(marked, attacked), (System.nanoTime() - start) / 1e6);
    }

    private void show(Result r) {
        shown = r;
        attacked.setImage(SwingFXUtils.toFXImage(r.attacked(), null));
        difference.setImage(SwingFXUtils.toFXImage(r.difference(), null));
        double accuracy = r.decoded().accuracyAgainst(r.request().bits());
        String attackPsnr = Double.isInfinite(r.attackPsnr()) ? "no attack" : String.format(Locale.ROOT,
                "attacked against watermarked %.1f dB", r.attackPsnr());
        status.setText(String.format(Locale.ROOT, "Bit accuracy %.1f %% (%d of %d bits) · mark PSNR %.1f dB · %s · %d×%d, each bit"
                        + " in %d blocks · %.0f ms%nDecoded %s", 100 * accuracy, Math.round(accuracy * r.request().bits().length),
                r.request().bits().length, r.markPsnr(), attackPsnr, r.request().photo().getWidth(), r.request().photo().getHeight(),
                ImageWatermark.blocks(r.request().photo().getWidth(), r.request().photo().getHeight()) / r.request().bits().length,
                r.millis(), ImageWatermark.toText(r.decoded().bits())));
        status.setStyle(accuracy == 1.0 ? "-fx-text-fill: #2e7d32;" : accuracy < 0.8 ? "-fx-text-fill: #c0392b;" : "");
    }

    /** The bit accuracy now shown, or NaN. */
    double bitAccuracy() {
        return shown == null ? Double.NaN : shown.decoded().accuracyAgainst(shown.request().bits());
    }
}
