package org.glassbox.watermark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.glassbox.data.Assets;
import org.glassbox.engine.IterativeTask;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.RunRecord;
import org.glassbox.workspace.PreparedRun;
import org.glassbox.workspace.RunTiming;
import org.glassbox.workspace.BaseWorkspace;

/** Watermarks: text written by the bundled language model with a KGW watermark, and its detection. */
public final class WatermarkWorkspace extends BaseWorkspace<WatermarkSetup, GenerationSnapshot> {

    public WatermarkWorkspace() {
        super(WatermarkRun.WORKSPACE, "Watermarks",
                "Write watermarked text with a bundled language model and watch the detector's z-score rise word by word.",
                "watermark generate", WatermarkSetup.class, WatermarkSetup::defaults);
    }

    @Override
    public WatermarkSetup setup(Experiment experiment) throws Exception {
        return WatermarkRun.setup(experiment);
    }

    @Override
    public String formula() {
        return "each word's green list (a share γ of the vocabulary) is seeded by the key and the word before; green logits + δ"
                + "  ·  z = (green − γT) / √(T γ (1 − γ)) over the T scored words";
    }

    @Override
    public java.util.List<org.glassbox.workspace.Demo> demos() {
        WatermarkSetup d = WatermarkSetup.defaults();
        return java.util.List.of(
                new org.glassbox.workspace.Demo("Watermarked text, detected as it is written",
                        "Every word from the green list (green) raises z; past the threshold of 4 the text is called"
                                + " watermarked, with a false-alarm chance of about 3 in 100,000.",
                        WatermarkRun.experiment(d, 1)),
                new org.glassbox.workspace.Demo("No bias (δ = 0): no watermark to find",
                        "The same model and key without the green bias: about a quarter of the words are green, as chance has"
                                + " it, and z stays well below the threshold of 4.",
                        WatermarkRun.experiment(new WatermarkSetup(d.prompt(), d.parameters().withDelta(0), d.scheme(), d.greedy(),
                                d.threshold(), d.ignoreRepeated()), 1)));
    }

    @Override
    public Experiment example(long seed) {
        WatermarkSetup d = WatermarkSetup.defaults();
        return WatermarkRun.experiment(new WatermarkSetup(d.prompt(), d.parameters().withTokens(40).withoutPause(), d.scheme(),
                d.greedy(), d.threshold(), d.ignoreRepeated()), seed);
    }

    @Override
    public PreparedRun<GenerationSnapshot> prepare(Experiment experiment, Path base, Assets assets) throws Exception {
        WatermarkSetup setup = WatermarkRun.setup(experiment);
        LanguageModel model = LanguageModel.bundled(assets);
        GenerationSettings settings = setup.settings().with(setup.parameters().withoutPause());
        GenerationTask task = new GenerationTask(model, settings, setup.prompt(), experiment.seed());
        WatermarkDetector detector = new WatermarkDetector(settings.watermarkKey(model.vocabulary().size()), setup.ignoreRepeated());
        return new PreparedRun<>() {
            private ScoredText scored;

            @Override
            public IterativeTask<GenerationSnapshot> task() {
                return task;
            }

            private ScoredText scored(GenerationSnapshot last) {
                if (scored == null || !scored.text().equals(last.text())) {
                    scored = ScoredText.score(last.text(), model.vocabulary(), detector);
                }
                return scored;
            }

            @Override
            public RunRecord write(Path out, GenerationSnapshot last, RunTiming timing) throws IOException {
                return WatermarkResults.writeRun(out, experiment, scored(last), detector.key(), detector.ignoresRepeated(),
                        setup.threshold(), timing.started(), timing.seconds());
            }

            @Override
            public List<String> summary(GenerationSnapshot last, RunTiming timing) {
                return List.of(last.text(), "", String.format(Locale.ROOT, "%d words at %.0f words/s", last.generated(),
                        last.tokensPerSecond()), WatermarkResults.summary(scored(last).detection(), setup.threshold()));
            }
        };
    }
}
