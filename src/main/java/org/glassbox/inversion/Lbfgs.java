package org.glassbox.inversion;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.UnaryOperator;

/**
 * Limited-memory BFGS (Liu and Nocedal 1989; Nocedal and Wright, Numerical Optimization, Alg. 7.4
 * and 7.5), the optimiser of the DLG reference code. The direction d = −H∇f comes from the
 * two-loop recursion over the last {@code memory} pairs s = Δz, y = Δ∇f, with the initial
 * Hessian approximation γI, γ = sᵀy / yᵀy. Where PyTorch's LBFGS (as DLG calls it) takes the step
 * lr·d with no line search, this backtracks from lr, halving, until the Armijo condition
 * f(z') ≤ f(z) + 10⁻⁴ ∇fᵀ(z' − z) holds, so a step never increases the cost. The first step, and
 * any after the memory is cleared, is steepest descent scaled by min(1, 1/‖∇f‖₁), as in PyTorch.
 * An optional projection keeps the iterate in a feasible set (a box, for Inverting Gradients).
 */
public final class Lbfgs {

    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 30;

    private final int memory;
    private final Deque<double[]> steps = new ArrayDeque<>();
    private final Deque<double[]> changes = new ArrayDeque<>();
    private final Deque<Double> curvatures = new ArrayDeque<>();

    public Lbfgs(int memory) {
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS needs a memory of at least 1, was " + memory);
        }
        this.memory = memory;
    }

    /** Forgets the curvature pairs: the next step is steepest descent. */
    public void reset() {
        steps.clear();
        changes.clear();
        curvatures.clear();
    }

    /**
     * One iteration from {@code at}: direction, backtracking, memory update. Returns the accepted
     * point, or {@code at} itself when no step along the direction lowers f (a stationary point to
     * the precision of f).
     */
    public Objective.Point step(Objective.Point at, Objective f, double learningRate, UnaryOperator<double[]> projection) {
        double[] g = at.gradient();
        double[] d = direction(g);
        double slope = dot(g, d);
        boolean steepest = steps.isEmpty();
        if (!(slope < 0)) {
            reset();
            d = negate(g);
            slope = dot(g, d);
            steepest = true;
        }
        if (slope == 0) {
            return at;
        }
        double t = steepest ? Math.min(1, 1 / norm1(g)) * learningRate : learningRate;
        for (int k = 0; k < MAX_HALVINGS; k++, t /= 2) {
            double[] z = at.z().clone();
            for (int i = 0; i < z.length; i++) {
                z[i] += t * d[i];
            }
            z = projection.apply(z);
            double[] s = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                s[i] = z[i] - at.z()[i];
            }
            double decrease = dot(g, s);
            Objective.Point next = f.evaluate(z);
            if (Double.isFinite(next.value()) && next.value() <= at.value() + ARMIJO * decrease) {
                remember(s, next.gradient(), g);
                return next;
            }
        }
        reset();
        return at;
    }

    private void remember(double[] s, double[] newGradient, double[] oldGradient) {
        double[] y = new double[s.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = newGradient[i] - oldGradient[i];
        }
        double sy = dot(s, y);
        if (sy > 1e-10 * Math.max(dot(y, y), Double.MIN_NORMAL)) {
            if (steps.size() == memory) {
                steps.removeFirst();
                changes.removeFirst();
                curvatures.removeFirst();
            }
            steps.addLast(s);
            changes.addLast(y);
            curvatures.addLast(1 / sy);
        }
    }

    /** The two-loop recursion: −H∇f. */
    private double[] direction(double[] g) {
        double[] q = g.clone();
        int n = steps.size();
        double[] alpha = new double[n];
        Iterator<double[]> s = steps.descendingIterator();
        Iterator<double[]> y = changes.descendingIterator();
        Iterator<Double> rho = curvatures.descendingIterator();
        for (int k = n - 1; k >= 0; k--) {
            double[] sk = s.next();
            double[] yk = y.next();
            alpha[k] = rho.next() * dot(sk, q);
            axpy(-alpha[k], yk, q);
        }
        if (n > 0) {
            double[] sLast = steps.getLast();
            double[] yLast = changes.getLast();
            double gamma = dot(sLast, yLast) / dot(yLast, yLast);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        s = steps.iterator();
        y = changes.iterator();
        rho = curvatures.iterator();
        for (int k = 0; k < n; k++) {
            double[] sk = s.next();
            double[] yk = y.next();
            double beta = rho.next() * dot(yk, q);
            axpy(alpha[k] - beta, sk, q);
        }
        return negate(q);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double norm1(double[] a) {
        double sum = 0;
        for (double v : a) {
            sum += Math.abs(v);
        }
        return sum;
    }

    private static double[] negate(double[] a) {
        double[] n = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            n[i] = -a[i];
        }
        return n;
    }
}
