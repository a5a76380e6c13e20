package org.glassbox.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Fashion-MNIST subset shipped in {@code assets/fashion-mnist} (Xiao, Rasul and Vollgraf 2017,
 * MIT licence): 10,000 training and 2,000 test images, 28x28 grayscale, ten classes.
 */
public final class FashionMnist {

    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final String TEST_ID = "fashion-mnist-test";
    public static final String TRAIN_ID = "fashion-mnist-train";

    private FashionMnist() {
    }

    public static LabeledImages train(Assets assets) throws IOException {
        return load(assets.fashionMnist(), "train", "Fashion-MNIST train");
    }

    public static LabeledImages test(Assets assets) throws IOException {
        return load(assets.fashionMnist(), "test", "Fashion-MNIST test");
    }

    /** The data set with the given id (see {@link #TEST_ID}, {@link #TRAIN_ID}). */
    public static LabeledImages byId(Assets assets, String id) throws IOException {
        return switch (id) {
            case TEST_ID -> test(assets);
            case TRAIN_ID -> train(assets);
            default -> throw new IOException("Unknown data set '" + id + "'. Known: " + TEST_ID + ", " + TRAIN_ID + ".");
        };
    }

    /** Each split is read once per folder: the pages ask for it on every spinner change. */
    private static final java.util.concurrent.ConcurrentHashMap<Path, LabeledImages> READ = new java.util.concurrent.ConcurrentHashMap<>();

    private static LabeledImages load(Path dir, String split, String name) throws IOException {
        Path key = dir.toAbsolutePath().normalize().resolve(split);
        LabeledImages cached = READ.get(key);
        if (cached != null) {
            return cached;
        }
        LabeledImages read = read(dir, split, name);
        READ.putIfAbsent(key, read);
        return read;
    }

    private static LabeledImages read(Path dir, String split, String name) throws IOException {
        Path images = dir.resolve(split + "-images-idx3-ubyte.gz");
        Path labels = dir.resolve(split + "-labels-idx1-ubyte.gz");
        if (!Files.exists(images) || !Files.exists(labels)) {
            throw new IOException("Fashion-MNIST files are missing from " + dir
                    + "; the folder should hold " + images.getFileName() + " and " + labels.getFileName() + ".");
        }
        return LabeledImages.fromIdx(name, IdxFile.read(images), IdxFile.read(labels), CLASS_NAMES);
    }
}
