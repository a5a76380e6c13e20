package org.glassbox.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.models.samples.SampleModels;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class JobTest {

    /** Sleeps a little per iteration so that control requests land between iterations. */
    private static IterativeTask<Integer> slowCounter(int iterations, long millis) {
        return new IterativeTask<>() {
            @Override
            public int iterations() {
                return iterations;
            }

            @Override
            public Integer step(int index) throws InterruptedException {
                Thread.sleep(millis);
                return index;
            }
        };
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 20 s");
            }
            Thread.sleep(2);
        }
    }

    @Test
    void cancelStopsTheJobWithinOneIteration() throws Exception {
        Job<Integer> job = new Job<>("count", 1, slowCounter(10_000, 5)).start(JobExecutors.background());
        waitUntil(() -> job.completedIterations() >= 3);
        int atCancel = job.completedIterations();
        job.cancel();
        assertEquals(JobState.CANCELLED, job.await(10, TimeUnit.SECONDS));
        assertTrue(job.completedIterations() - atCancel <= 1,
                "ran " + (job.completedIterations() - atCancel) + " iterations after cancel");
    }

    @Test
    void aPacedJobWaitsAfterEachIterationAndCancelCutsTheWaitShort() throws Exception {
        Job<Integer> paced = new Job<>("count", 1, slowCounter(5, 0));
        paced.setPaceMillis(40);
        long t0 = System.nanoTime();
        paced.start(JobExecutors.callingThread());
        assertEquals(JobState.SUCCEEDED, paced.state());
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(4 * 40), "waited after each of the first four iterations");

        Job<Integer> slow = new Job<>("count", 1, slowCounter(100, 0));
        slow.setPaceMillis(60_000);
        slow.start(JobExecutors.background());
        waitUntil(() -> slow.completedIterations() >= 1);
        slow.cancel();
        assertEquals(JobState.CANCELLED, slow.await(10, TimeUnit.SECONDS), "cancel ends a minute-long wait at once");
        assertEquals(1, slow.completedIterations());
    }

    @Test
    void pauseHoldsAndStepAdvancesExactlyOneIteration() throws Exception {
        Job<Integer> job = new Job<>("count", 1, slowCounter(100, 1)).startPaused(JobExecutors.background());
        waitUntil(() -> job.state() == JobState.PAUSED);
        Thread.sleep(100);
        assertEquals(0, job.completedIterations(), "a paused job must not advance");

        job.step();
        waitUntil(() -> job.completedIterations() == 1);
        Thread.sleep(100);
        assertEquals(1, job.completedIterations(), "one step must advance exactly one iteration");
        assertEquals(JobState.PAUSED, job.state());

        job.step();
        job.step();
        waitUntil(() -> job.completedIterations() == 3);
        Thread.sleep(100);
        assertEquals(3, job.completedIterations());

        job.resume();
        assertEquals(JobState.SUCCEEDED, job.await(10, TimeUnit.SECONDS));
        assertEquals(100, job.completedIterations());
        assertEquals(99, job.latest().snapshot());
    }

    @Test
    void pauseWhileRunningHoldsAtAnIterationBoundary() throws Exception {
        Job<Integer> job = new Job<>("count", 1, slowCounter(10_000, 2)).start(JobExecutors.background());
        waitUntil(() -> job.completedIterations() >= 2);
        job.pause();
        waitUntil(() -> job.state() == JobState.PAUSED);
        int held = job.completedIterations();
        Thread.sleep(100);
        assertEquals(held, job.completedIterations());
        job.cancel();
        assertEquals(JobState.CANCELLED, job.await(10, TimeUnit.SECONDS));
    }

    /** A task whose snapshots depend on the seed through DL4J's initialisation and ND4J's generator. */
    private static IterativeTask<double[]> seededTraining(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(SampleModels.mlp(seed, 3, new int[] {8, 8}, 2,
                LossFunction.MCXENT, Activation.SOFTMAX, 1e-2));
        net.init();
        Seeds.seedNd4j(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 3);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 2);
        for (int i = 0; i < 16; i++) {
            y.putScalar(i, i % 2, 1.0);
        }
        DataSet data = new DataSet(x, y);
        return new IterativeTask<>() {
            @Override
            public int iterations() {
                return 20;
            }

            @Override
            public double[] step(int index) {
                net.fit(data);
                return net.params().toDoubleVector();
            }
        };
    }

    @Test
    void sameSeedGivesBitIdenticalSnapshots() throws Exception {
        Job<double[]> first = new Job<>("a", 7, seededTraining(7)).start(JobExecutors.callingThread());
        Job<double[]> second = new Job<>("b", 7, seededTraining(7)).start(JobExecutors.callingThread());
        Job<double[]> other = new Job<>("c", 8, seededTraining(8)).start(JobExecutors.callingThread());
        List<Frame<double[]>> a = first.history();
        List<Frame<double[]>> b = second.history();
        assertEquals(20, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).snapshot(), b.get(i).snapshot(), 0.0, "snapshot " + i + " differs");
        }
        assertTrue(!java.util.Arrays.equals(a.get(19).snapshot(), other.history().get(19).snapshot()),
                "a different seed should give a different run");
    }

    @Test
    void aFailureReachesThePersonAsAMessage() throws Exception {
        IterativeTask<Integer> failing = new IterativeTask<>() {
            @Override
            public int iterations() {
                return 5;
            }

            @Override
            public Integer step(int index) throws UserFacingException {
                if (index == 2) {
                    throw new UserFacingException("The image is 32×32, the model takes 28×28.", "Resize it.");
                }
                return index;
            }
        };
        Job<Integer> job = new Job<>("fail", 1, failing).start(JobExecutors.callingThread());
        assertEquals(JobState.FAILED, job.state());
        assertEquals("The image is 32×32, the model takes 28×28.", job.failure().problem());
        assertEquals(2, job.completedIterations(), "snapshots before the failure are kept");
    }
}
