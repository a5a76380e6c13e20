package org.glassbox.engine;

import org.nd4j.linalg.factory.Nd4j;

/** What the tensor work runs on, and how many threads it may use. */
public final class ComputeBackend {

    /** Backend name for display: CPU or GPU, and the ND4J backend class behind it. */
    public record Info(String kind, String implementation, int threads) {
        public String label() {
            return kind + " · " + threads + (threads == 1 ? " thread" : " threads");
        }
    }

    private ComputeBackend() {
    }

    public static Info info() {
        String impl = Nd4j.getBackend().getClass().getSimpleName();
        String kind = impl.toLowerCase().contains("cuda") || impl.toLowerCase().contains("cublas") ? "GPU" : "CPU";
        return new Info(kind, impl, Nd4j.getEnvironment().maxMasterThreads());
    }

    /** Limits the threads ND4J uses for one operation; 1 makes timings single-threaded. */
    public static void setThreads(int threads) {
        int available = Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > available) {
            throw new IllegalArgumentException(
                    "thread count must be between 1 and " + available + " (the cores here), was " + threads);
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
    }
}
