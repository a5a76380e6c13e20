package org.glassbox.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.glassbox.data.Assets;
import org.glassbox.engine.Seeds;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.samples.SampleModel;
import org.glassbox.models.samples.SampleTrainer;
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
        for (SampleModel model : SampleTrainer.select(only)) {
            CatalogEntry entry = trainer.train(model, seed, assets.sampleModels());
            catalog = catalog.with(entry);
            catalog.write();
        }
        System.out.println("catalog: " + assets.sampleModels().resolve(ModelCatalog.FILE_NAME));
        return 0;
    }
}
