package org.glassbox.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExactPartitionTest {

    private static final Window UNIT = new Window(-1, 1, -1, 1);

    /** A random point inside a convex polygon: a random convex combination of its vertices. */
    private static double[] pointInside(Region r, Random random) {
        double[] weights = new double[r.vertexCount()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = -Math.log(1 - random.nextDouble());
            sum += weights[i];
        }
        double u = 0;
        double v = 0;
        for (int i = 0; i < weights.length; i++) {
            u += weights[i] / sum * r.u()[i];
            v += weights[i] / sum * r.v()[i];
        }
        return new double[] {u, v};
    }

    private static void assertAffineMapsMatchTheNetwork(PiecewiseLinearNetwork net, Plane plane, RegionMap map, double tolerance) {
        Random random = new Random(1);
        for (Region r : map.regions()) {
            for (int k = 0; k < 3; k++) {
                double[] p = pointInside(r, random);
                double[] expected = net.logits(plane.point(p[0], p[1]));
                double[] actual = r.logits(p[0], p[1]);
                for (int o = 0; o < expected.length; o++) {
                    double scale = Math.max(1, Math.abs(expected[o]));
                    assertEquals(expected[o], actual[o], tolerance * scale, "region's affine map vs network");
                }
            }
        }
    }

    @Test
    void insideEachRegionItsAffineMapEqualsTheNetwork() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(3, 0, 2, 16, 16, 16, 3);
        RegionMap map = ExactPartition.compute(net, Plane.identity2d(), UNIT);
        assertTrue(map.size() > 20, "regions: " + map.size());
        assertAffineMapsMatchTheNetwork(net, Plane.identity2d(), map, 1e-9);
    }

    @Test
    void leakyReluRegionsAreExactToo() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(4, 0.1, 2, 12, 12, 2);
        RegionMap map = ExactPartition.compute(net, Plane.identity2d(), UNIT);
        assertAffineMapsMatchTheNetwork(net, Plane.identity2d(), map, 1e-9);
    }

    @Test
    void theRegionsTileTheWindowAndEveryPatternOnAFineGridIsARegion() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(5, 0, 2, 10, 10, 10, 2);
        RegionMap map = ExactPartition.compute(net, Plane.identity2d(), UNIT);
        assertEquals(UNIT.area(), map.totalArea(), 1e-10, "areas add up to the window's");
        Set<String> patterns = new HashSet<>();
        for (Region r : map.regions()) {
            patterns.add(r.patternText());
        }
        assertEquals(map.size(), patterns.size(), "each region has its own activation pattern");
        int grid = 400;
        for (int i = 0; i <= grid; i++) {
            for (int j = 0; j <= grid; j++) {
                double u = -1 + 2.0 * i / grid;
                double v = -1 + 2.0 * j / grid;
                boolean[][] pattern = net.pattern(new double[] {u, v});
                Region r = new Region(new double[0], new double[0], new int[0], new int[0], pattern, new double[0][], new double[0]);
                assertTrue(patterns.contains(r.patternText()), "pattern at (" + u + ", " + v + ") is in no region");
            }
        }
    }

    @Test
    void aRegionsPatternIsTheNetworksPatternInsideIt() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(6, 0, 2, 8, 8, 2);
        RegionMap map = ExactPartition.compute(net, Plane.identity2d(), UNIT);
        Random random = new Random(2);
        for (Region r : map.regions()) {
            double[] p = pointInside(r, random);
            Region probe = new Region(new double[0], new double[0], new int[0], new int[0], net.pattern(p),
                    new double[0][], new double[0]);
            assertEquals(r.patternText(), probe.patternText());
        }
    }

    @Test
    void eachEdgeLiesOnTheBoundaryOfTheNeuronItIsLabelledWith() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(7, 0, 2, 8, 8, 8, 2);
        RegionMap map = ExactPartition.compute(net, Plane.identity2d(), UNIT);
        for (Region r : map.regions()) {
            for (int e = 0; e < r.vertexCount(); e++) {
                int f = (e + 1) % r.vertexCount();
                double mu = (r.u()[e] + r.u()[f]) / 2;
                double mv = (r.v()[e] + r.v()[f]) / 2;
                if (r.edgeLayer()[e] == Region.WINDOW_EDGE) {
                    assertTrue(Math.abs(Math.abs(mu) - 1) < 1e-12 || Math.abs(Math.abs(mv) - 1) < 1e-12, "on the border");
                } else {
                    double z = preActivation(net, new double[] {mu, mv}, r.edgeLayer()[e], r.edgeNeuron()[e]);
                    assertEquals(0, z, 1e-9, "neuron " + r.edgeLayer()[e] + "/" + r.edgeNeuron()[e] + " is zero on its edge");
                }
            }
        }
    }

    private static double preActivation(PiecewiseLinearNetwork net, double[] x, int layer, int neuron) {
        double[] a = x;
        for (int l = 0; l <= layer; l++) {
            double[][] w = net.weights().get(l);
            double[] z = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                double s = net.biases().get(l)[i];
                for (int j = 0; j < a.length; j++) {
                    s += w[i][j] * a[j];
                }
                z[i] = s;
            }
            if (l == layer) {
                return z[neuron];
            }
            for (int i = 0; i < z.length; i++) {
                z[i] = z[i] > 0 ? z[i] : net.leakySlope() * z[i];
            }
            a = z;
        }
        throw new IllegalStateException();
    }

    /**
     * Independent count for one hidden layer: lines in general position cut a convex window into
     * 1 + L + P regions, with L the lines that cross the window and P their pairwise intersections
     * inside it (each line adds one region plus one per earlier line it crosses inside).
     */
    @Test
    void oneHiddenLayerGivesTheLineArrangementsRegionCount() {
        for (long seed = 1; seed <= 5; seed++) {
            PiecewiseLinearNetwork net = RandomReluNetworks.relu(seed, 0, 2, 25, 1);
            double[][] w = net.weights().get(0);
            double[] b = net.biases().get(0);
            int lines = 0;
            for (int i = 0; i < w.length; i++) {
                double[] corners = {w[i][0] * -1 + w[i][1] * -1 + b[i], w[i][0] + w[i][1] * -1 + b[i],
                        w[i][0] + w[i][1] + b[i], -w[i][0] + w[i][1] + b[i]};
                double min = Double.MAX_VALUE;
                double max = -Double.MAX_VALUE;
                for (double c : corners) {
                    min = Math.min(min, c);
                    max = Math.max(max, c);
                }
                if (min < 0 && max > 0) {
                    lines++;
                }
            }
            int crossings = 0;
            for (int i = 0; i < w.length; i++) {
                for (int j = i + 1; j < w.length; j++) {
                    double det = w[i][0] * w[j][1] - w[i][1] * w[j][0];
                    double u = (-b[i] * w[j][1] + b[j] * w[i][1]) / det;
                    double v = (-w[i][0] * b[j] + w[j][0] * b[i]) / det;
                    if (Math.abs(u) < 1 && Math.abs(v) < 1) {
                        crossings++;
                    }
                }
            }
            RegionMap map = ExactPartition.compute(net, Plane.identity2d(), UNIT);
            assertEquals(1 + lines + crossings, map.size(), "seed " + seed);
        }
    }

    @Test
    void aWindowOneMillionthWideIsStillExact() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(8, 0, 2, 32, 32, 32, 2);
        RegionMap wide = ExactPartition.compute(net, Plane.identity2d(), UNIT);
        Region busy = wide.regions().stream().filter(r -> r.vertexCount() >= 5).findFirst().orElseThrow();
        double[] corner = {busy.u()[0], busy.v()[0]};
        Window tiny = Window.centered(corner[0], corner[1], 5e-7, 5e-7);
        RegionMap map = ExactPartition.compute(net, Plane.identity2d(), tiny);
        assertTrue(map.size() >= 2, "a vertex of the partition has several regions around it: " + map.size());
        // the snap of ExactPartition.RELATIVE_TOLERANCE moves vertices by up to ~1e-6 of this window's width
        assertEquals(tiny.area(), map.totalArea(), tiny.area() * 1e-6);
        assertAffineMapsMatchTheNetwork(net, Plane.identity2d(), map, 1e-9);
    }

    @Test
    void aPlaneThroughThreePointsOfAHighDimensionalInputIsExact() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(9, 0, 784, 64, 10);
        Random r = new Random(3);
        double[][] points = new double[3][784];
        for (double[] p : points) {
            for (int i = 0; i < p.length; i++) {
                p[i] = r.nextDouble();
            }
        }
        Plane plane = Plane.through(points[0], points[1], points[2]);
        RegionMap map = ExactPartition.compute(net, plane, new Window(-0.5, 1.5, -0.5, 1.5));
        assertTrue(map.size() > 1);
        assertAffineMapsMatchTheNetwork(net, plane, map, 1e-9);
    }

    @Test
    void aPlaneThroughAPointAndTwoRandomDirectionsIsOrthogonalSeededAndExact() {
        double[] p0 = new double[784];
        java.util.Arrays.fill(p0, 0.3);
        Plane plane = Plane.randomThrough(p0, 10, 4);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < 784; i++) {
            ab += plane.a()[i] * plane.b()[i];
            aa += plane.a()[i] * plane.a()[i];
            bb += plane.b()[i] * plane.b()[i];
        }
        assertEquals(0, ab, 1e-9);
        assertEquals(100, aa, 1e-9);
        assertEquals(100, bb, 1e-9);
        assertEquals(java.util.Arrays.toString(plane.a()), java.util.Arrays.toString(Plane.randomThrough(p0, 10, 4).a()));
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(11, 0, 784, 32, 10);
        RegionMap map = ExactPartition.compute(net, plane, UNIT);
        assertAffineMapsMatchTheNetwork(net, plane, map, 1e-9);
    }

    @Test
    void theDecisionBoundaryIsWhereTheTopTwoLogitsTie() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(10, 0, 2, 16, 16, 3);
        RegionMap map = ExactPartition.compute(net, Plane.identity2d(), new Window(-4, 4, -4, 4));
        assertTrue(map.boundary().size() > 5, "boundary segments: " + map.boundary().size());
        for (BoundarySegment s : map.boundary()) {
            for (double t : new double[] {0.1, 0.5, 0.9}) {
                double[] logits = net.logits(new double[] {s.u0() + t * (s.u1() - s.u0()), s.v0() + t * (s.v1() - s.v0())});
                assertEquals(logits[s.classA()], logits[s.classB()], 1e-9, "the two classes tie on the boundary");
                for (double l : logits) {
                    assertTrue(l <= logits[s.classA()] + 1e-9, "and no class beats them there");
                }
            }
        }
    }
}
