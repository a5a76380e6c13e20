package org.glassbox.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.glassbox.data.Assets;
import org.glassbox.models.CatalogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageModelTrainerTest {

    @Test
    void aTrainedModelIsSavedWithItsVocabularyAndBeatsTheUniformGuessOnHeldOutText(@TempDir Path folder) throws Exception {
        KjvCorpus corpus = KjvCorpus.load(Assets.locate()).truncated(600);
        LanguageModelRecipe tiny = new LanguageModelRecipe(300, 16, 32, 16, 32, 2, 1e-2);
        CatalogEntry entry = new LanguageModelTrainer(tiny, s -> { }).train(corpus, 7, folder);

        LanguageModel model = LanguageModel.load(entry.id(), folder.resolve(entry.file()));
        assertEquals(300, model.vocabulary().size());
        double perplexity = entry.metrics().get("heldOutPerplexity");
        assertTrue(perplexity < 300 / 2.0, "perplexity " + perplexity + " should be well below the uniform 300");
        double[] next = model.start(LanguageModel.ids(model.vocabulary(), WordTokenizer.words("In the beginning")));
        double total = 0;
        for (double lp : next) {
            total += Math.exp(lp);
        }
        assertEquals(1.0, total, 1e-3, "the next-word distribution sums to one");
    }
}
