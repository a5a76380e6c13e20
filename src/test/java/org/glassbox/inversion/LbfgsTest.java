package org.glassbox.inversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** Rosenbrock's function (1 − a)² + 100 (b − a²)², minimum 0 at (1, 1), with its gradient. */
    private static Objective.Point rosenbrock(double[] z) {
        double a = z[0];
        double b = z[1];
        double value = (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
        double[] gradient = {-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)};
        return new Objective.Point(z.clone(), value, gradient);
    }

    @Test
    void itFindsRosenbrocksMinimumAndNeverRaisesTheCost() {
        Lbfgs lbfgs = new Lbfgs(10);
        Objective.Point at = rosenbrock(new double[] {-1.2, 1});
        for (int i = 0; i < 200 && at.value() > 1e-20; i++) {
            Objective.Point next = lbfgs.step(at, LbfgsTest::rosenbrock, 1.0, z -> z);
            assertTrue(next.value() <= at.value(), "step " + i + " raised the cost from " + at.value() + " to " + next.value());
            at = next;
        }
        assertEquals(1, at.z()[0], 1e-6);
        assertEquals(1, at.z()[1], 1e-6);
    }

    @Test
    void onAQuadraticItConvergesInFewStepsAsQuasiNewtonShould() {
        double[] scales = {1, 10, 100, 1000};
        Objective quadratic = z -> {
            double value = 0;
            double[] g = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                value += 0.5 * scales[i] * z[i] * z[i];
                g[i] = scales[i] * z[i];
            }
            return new Objective.Point(z.clone(), value, g);
        };
        Lbfgs lbfgs = new Lbfgs(10);
        Objective.Point at = quadratic.evaluate(new double[] {1, 1, 1, 1});
        int steps = 0;
        while (at.value() > 1e-16 && steps < 100) {
            at = lbfgs.step(at, quadratic, 1.0, z -> z);
            steps++;
        }
        assertTrue(steps <= 30, "a 4-D quadratic of condition 1000 took " + steps + " steps");
    }

    @Test
    void theProjectionKeepsTheIterateInTheBox() {
        Lbfgs lbfgs = new Lbfgs(5);
        Objective pullOut = z -> new Objective.Point(z.clone(), (z[0] - 3) * (z[0] - 3), new double[] {2 * (z[0] - 3)});
        Objective.Point at = pullOut.evaluate(new double[] {0.5});
        for (int i = 0; i < 20; i++) {
            at = lbfgs.step(at, pullOut, 1.0, z -> new double[] {Math.max(0, Math.min(1, z[0]))});
            assertTrue(at.z()[0] >= 0 && at.z()[0] <= 1);
        }
        assertEquals(1, at.z()[0], 1e-12, "the constrained minimum is on the box's edge");
    }
}
