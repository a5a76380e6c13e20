package org.glassbox.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The bundled sample models, listed in {@code sample-models/catalog.json}. */
public record ModelCatalog(Path folder, List<CatalogEntry> models) {

    public static final String FILE_NAME = "catalog.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record CatalogFile(List<CatalogEntry> models) {
    }

    public ModelCatalog {
        models = List.copyOf(models);
    }

    public static ModelCatalog read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new ModelCatalog(folder, List.of());
        }
        try {
            return new ModelCatalog(folder, JSON.readValue(file.toFile(), CatalogFile.class).models());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("The model catalog " + file + " cannot be read (" + e.getOriginalMessage()
                    + "). Rebuild it with: " + org.glassbox.models.samples.SampleTrainer.COMMAND, e);
        }
    }

    public void write() throws IOException {
        Files.createDirectories(folder);
        JSON.writeValue(folder.resolve(FILE_NAME).toFile(), new CatalogFile(models));
    }

    public Optional<CatalogEntry> find(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Path pathOf(CatalogEntry entry) {
        return folder.resolve(entry.file());
    }

    /** Loads a catalog model by id. */
    public ModelHandle load(String id) throws ModelLoadException {
        CatalogEntry entry = find(id).orElseThrow(() -> new ModelLoadException(folder.resolve(id),
                "no model with id '" + id + "' in the catalog.", "Known ids: " + ids() + "."));
        return new ModelHandle(entry.id(), ModelLoader.load(pathOf(entry)).network());
    }

    /** A catalog id, or else a model file (a relative path taken from {@code base}). */
    public ModelHandle resolve(String model, Path base) throws ModelLoadException {
        if (find(model).isPresent()) {
            return load(model);
        }
        Path source = base.resolve(model);
        if (!Files.exists(source) && !model.contains("/") && !model.contains(".")) {
            throw new ModelLoadException(source, "is neither a catalog model nor a file.", "Known catalog ids: " + ids() + ".");
        }
        return ModelLoader.load(source);
    }

    /** Where {@link #resolve} reads the model from. */
    public Path sourceOf(String model, Path base) {
        return find(model).map(this::pathOf).orElse(base.resolve(model));
    }

    public String ids() {
        return String.join(", ", models.stream().map(CatalogEntry::id).toList());
    }

    /** The catalog with the entry for {@code entry.id()} replaced or added, in a stable order. */
    public ModelCatalog with(CatalogEntry entry) {
        List<CatalogEntry> next = new java.util.ArrayList<>(models);
        int at = next.stream().map(CatalogEntry::id).toList().indexOf(entry.id());
        if (at >= 0) {
            next.set(at, entry);
        } else {
            next.add(entry);
        }
        return new ModelCatalog(folder, next);
    }
}
