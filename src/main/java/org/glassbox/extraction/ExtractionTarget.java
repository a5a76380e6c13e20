package org.glassbox.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.glassbox.data.Assets;
import org.glassbox.engine.UserFacingException;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.ModelLoadException;
import org.glassbox.regions.PiecewiseLinearNetwork;
import org.glassbox.regions.Plane;
import org.glassbox.regions.RandomReluNetworks;
import org.glassbox.regions.Window;

/**
 * The network behind the black box and the plane on which the attack is drawn: the identity plane
 * for 2-input networks, else a seeded random plane through the origin.
 */
public record ExtractionTarget(String name, PiecewiseLinearNetwork network, Plane plane, Window window) {

    /** Inputs beyond this would take more queries than a session can watch (the attack costs O(d) queries per critical point). */
    public static final int MAX_INPUTS = 1024;

    public static final Window WINDOW = new Window(-2, 2, -2, 2);

    public static ExtractionTarget of(String name, PiecewiseLinearNetwork network, long seed) throws UserFacingException {
        if (network.leakySlope() != 0) {
            throw new UserFacingException(name + " has leaky-ReLU hidden layers.",
                    "The attack supports fully connected networks with plain ReLU hidden layers.");
        }
        if (network.inputs() > MAX_INPUTS) {
            throw new UserFacingException(name + " takes " + network.inputs() + " inputs; this workspace attacks at most "
                    + MAX_INPUTS + ".", "Use a network with fewer inputs.");
        }
        Plane plane = network.inputs() == 2 ? Plane.identity2d() : Plane.randomThrough(new double[network.inputs()], 1, seed);
        return new ExtractionTarget(name, network, plane, WINDOW);
    }

    /** A seeded random ReLU network of the given widths, "10,20,20,1" for example (He-normal weights). */
    public static ExtractionTarget random(String widths, long seed) throws UserFacingException {
        int[] w;
        try {
            w = Arrays.stream(widths.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new UserFacingException("Widths '" + widths + "' are not whole numbers separated by commas.",
                    "Write them as 10,20,20,1.");
        }
        if (w.length < 3 || Arrays.stream(w).anyMatch(x -> x < 1 || x > 4096)) {
            throw new UserFacingException("Widths '" + widths + "' do not describe a network with a hidden layer.",
                    "Give inputs, one or more hidden widths and outputs, each 1 to 4096: 10,20,20,1 for example.");
        }
        return of("random " + widths.replace(" ", "").replace(",", "-"), RandomReluNetworks.relu(seed, 0, w), seed);
    }

    /** A catalog model or a model file; anything but dense ReLU layers is refused with what is supported. */
    public static ExtractionTarget model(Assets assets, String reference, Path base, long seed)
            throws UserFacingException, IOException {
        ModelCatalog catalog = ModelCatalog.read(assets.sampleModels());
        ModelHandle handle = catalog.resolve(reference, base);
        Path source = catalog.sourceOf(reference, base);
        PiecewiseLinearNetwork network;
        try {
            network = PiecewiseLinearNetwork.of(handle, source);
        } catch (ModelLoadException e) {
            throw new UserFacingException(e.userMessage().problem().replace("region map", "reverse-engineering attack"),
                    "The attack supports fully connected networks of dense ReLU layers with a linear or softmax output"
                            + " (it queries the logits).", e);
        }
        return of(handle.name(), network, seed);
    }
}
