package org.glassbox.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The accountant against the published test vectors of the reference libraries (Opacus,
 * TensorFlow Privacy, Google's dp_accounting), each with the orders and the conversion it assumes.
 */
class RdpAccountantTest {

    /** Opacus's orders: 1.1 to 10.9 by 0.1, then 12 to 63. */
    private static double[] opacusOrders() {
        List<Double> orders = new ArrayList<>();
        for (int x = 1; x < 100; x++) {
            orders.add(1 + x / 10.0);
        }
        for (int a = 12; a < 64; a++) {
            orders.add((double) a);
        }
        return orders.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** TensorFlow Privacy's compute_dp_sgd_privacy orders. */
    private static double[] tensorflowOrders() {
        List<Double> orders = new ArrayList<>(List.of(1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0, 3.5, 4.0, 4.5));
        for (int a = 5; a < 64; a++) {
            orders.add((double) a);
        }
        orders.addAll(List.of(128.0, 256.0, 512.0));
        return orders.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void opacusRdpVector() {
        double[] orders = opacusOrders();
        double[] rdp = RdpAccountant.compose(0.04, 1.5, (long) (90 / 0.04), orders);
        assertEquals(7.32911117143, RdpAccountant.epsilon(orders, rdp, 1e-5).epsilon(), 1e-8);
    }

    @Test
    void opacusNoiseForATargetEpsilon() {
        double[] orders = opacusOrders();
        double sigma = RdpAccountant.noiseFor(8, 1e-5, 0.04, (long) (90 / 0.04), orders);
        assertEquals(1.416, sigma, 0.005);
        assertTrue(RdpAccountant.epsilon(orders, RdpAccountant.compose(0.04, sigma, (long) (90 / 0.04), orders), 1e-5).epsilon() <= 8);
    }

    @Test
    void tensorflowPrivacyVectorsWithBothConversions() {
        double[] orders = tensorflowOrders();
        long steps = (long) Math.ceil(15 * 60000 / 150.0);
        double[] rdp = RdpAccountant.compose(150 / 60000.0, 1.3, steps, orders);
        RdpAccountant.Conversion improved = RdpAccountant.epsilon(orders, rdp, 1e-5);
        assertEquals(0.7242234026109595, improved.epsilon(), 1e-9);
        assertEquals(19, improved.order());
        assertEquals(0.941870567, RdpAccountant.epsilonClassic(orders, rdp, 1e-5).epsilon(), 1e-8);

        long steps2 = (long) Math.ceil(30 * 100000 / 100.0);
        double[] rdp2 = RdpAccountant.compose(100 / 100000.0, 1.0, steps2, orders);
        RdpAccountant.Conversion second = RdpAccountant.epsilon(orders, rdp2, 1e-7);
        assertEquals(1.4154988495444845, second.epsilon(), 1e-9);
        assertEquals(13, second.order());
        assertEquals(1.70928734, RdpAccountant.epsilonClassic(orders, rdp2, 1e-7).epsilon(), 1e-7);
    }

    @Test
    void dpAccountingRdpAtIntegerAndLargeOrders() {
        double[] orders = {5, 50, 100, Double.POSITIVE_INFINITY};
        double[] expected = {2.18075656e-3, 2.38460375e-2, 167.416308, Double.POSITIVE_INFINITY};
        double[] rdp = RdpAccountant.compose(0.01, 2.5, 50, orders);
        for (int k = 0; k < orders.length; k++) {
            if (Double.isInfinite(expected[k])) {
                assertTrue(Double.isInfinite(rdp[k]));
            } else {
                assertEquals(expected[k], rdp[k], expected[k] * 1e-7, "α = " + orders[k]);
            }
        }
    }

    /**
     * At fractional orders the series is checked against the definition itself,
     * A_α = E_{z∼N(0,σ²)}[((1 − q) + q·exp((2z − 1)/(2σ²)))^α], integrated numerically. (The
     * research note's dp_accounting figures for α = 1.5 and 2.5, 6.70579741e-4 and 1.08548710e-3,
     * are 3 % and 6e-5 above both this integral and the series; the integer orders of the same
     * vector agree to eight digits.)
     */
    @Test
    void theFractionalSeriesEqualsTheIntegralItExpands() {
        double q = 0.01;
        double sigma = 2.5;
        for (double alpha : new double[] {1.5, 2.5, 3.7, 7.25}) {
            double sum = 0;
            double h = 1e-3;
            for (double z = -40; z < 60; z += h) {
                double density = Math.exp(-z * z / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
                sum += density * Math.pow((1 - q) + q * Math.exp((2 * z - 1) / (2 * sigma * sigma)), alpha) * h;
            }
            double integral = Math.log(sum) / (alpha - 1);
            assertEquals(integral, RdpAccountant.sampledGaussian(q, sigma, alpha), integral * 1e-6, "α = " + alpha);
        }
        assertEquals(RdpAccountant.sampledGaussian(q, sigma, 3), RdpAccountant.sampledGaussian(q, sigma, 3 + 1e-9), 1e-12,
                "the fractional series meets the integer sum");
    }

    @Test
    void dpAccountingConversionOfAConstantCurve() {
        double[] orders = new double[31];
        double[] rdp = new double[31];
        for (int k = 0; k < orders.length; k++) {
            orders[k] = 2 + k;
            rdp[k] = 1.1;
        }
        RdpAccountant.Conversion c = RdpAccountant.epsilon(orders, rdp, 1e-5);
        assertEquals(1.32783806176, c.epsilon(), 1e-9);
        assertEquals(32, c.order());
    }

    @Test
    void theGaussianMechanismWithoutSamplingIsOneEpsilonAtItsCalibratedNoise() {
        double[] rdp = RdpAccountant.compose(1, 4.530877117, 1, RdpAccountant.DEFAULT_ORDERS);
        assertEquals(1.0, RdpAccountant.epsilon(RdpAccountant.DEFAULT_ORDERS, rdp, 1e-6).epsilon(), 1e-4);
    }

    @Test
    void moreNoiseOrFewerStepsNeverCostMore() {
        double[] orders = RdpAccountant.DEFAULT_ORDERS;
        double base = RdpAccountant.epsilon(orders, RdpAccountant.compose(0.01, 1.0, 1000, orders), 1e-5).epsilon();
        assertTrue(RdpAccountant.epsilon(orders, RdpAccountant.compose(0.01, 1.5, 1000, orders), 1e-5).epsilon() < base);
        assertTrue(RdpAccountant.epsilon(orders, RdpAccountant.compose(0.01, 1.0, 500, orders), 1e-5).epsilon() < base);
        assertTrue(RdpAccountant.epsilon(orders, RdpAccountant.compose(0.005, 1.0, 1000, orders), 1e-5).epsilon() < base);
    }
}
