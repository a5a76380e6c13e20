package org.glassbox.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.glassbox.data.Assets;
import org.glassbox.engine.Seeds;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.samples.SampleModel;
import org.glassbox.models.samples.SampleTrainer;
import org.glassbox.watermark.KjvCorpus;
import org.glassbox.watermark.LanguageModelRecipe;
import org.glassbox.watermark.LanguageModelTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glassbox train-samples}: rebuilds the bundled sample models and their catalog. */
@Command(name = "train-samples", mixinStandardHelpOptions = true,
        description = "Train the bundled sample models from the bundled data, deterministically under the seed,"
                + " and write them with their catalog entries to sample-models/.")
final class TrainSamplesCommand implements Callable<Integer> {

    @Option(names = "--only", split = ",", description = "Train only these ids (comma-separated). Default: all.")
    List<String> only;

    @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT, description = "Training seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        Assets assets = Assets.locate();
        SampleTrainer trainer = new SampleTrainer(assets, System.out::println);
        ModelCatalog catalog = ModelCatalog.read(assets.sampleModels());
        boolean languageModel = only == null || only.isEmpty() || only.contains(LanguageModelRecipe.ID);
        List<String> images = only == null ? null : only.stream().filter(id -> !id.equals(LanguageModelRecipe.ID)).toList();
        List<SampleModel> chosen = only != null && !only.isEmpty() && images.isEmpty() ? List.of() : SampleTrainer.select(images);
        for (SampleModel model : chosen) {
            CatalogEntry entry = trainer.train(model, seed, assets.sampleModels());
            catalog = catalog.with(entry);
            catalog.write();
        }
        if (languageModel) {
            LanguageModelTrainer lm = new LanguageModelTrainer(LanguageModelRecipe.bundled(), System.out::println);
            catalog = catalog.with(lm.train(KjvCorpus.load(assets), seed, assets.sampleModels()));
            catalog.write();
        }
        System.out.println("catalog: " + assets.sampleModels().resolve(ModelCatalog.FILE_NAME));
        return 0;
    }
}
