package org.glassbox.inversion;

/** Breaks two house rules on purpose (a workspace printing, and using a benchmark class), for LayeringTest. */
final class HouseRulesViolationFixture {

    static void print() {
        System.out.println("a workspace class printing");
    }

    static Object benchmark() throws Exception {
        return org.glassbox.watermark.WatermarkBenchmark.class.getDeclaredMethods();
    }

    static void runBenchmark() throws Exception {
        org.glassbox.regions.RegionBenchmark.liveTraining(System.err);
    }
}
