package org.glassbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Rolnick and Kording's Algorithm 2 (2020): a neuron of the layer after the known ones is found by
 * following its boundary from one critical point and reading its weights from the bends.
 *
 * <p>With the known layers 1..m (the m-th up to sign), a neuron t of layer m + 1 computes
 * z_t(x) = Σ_k u_k ReLU(ẑ_{m,k}(x)) + Σ_i ℓ_i h_{m−1,i}(x) + β, where h_{m−1} is layer m − 1's
 * activation (the input x when m = 1) and the skip term ℓ carries what the unknown signs of layer m
 * move: ReLU(−z) = ReLU(z) − z. Its boundary {z_t = 0} is a hyperplane inside each linear region of
 * the known layers. Where the boundary crosses a known neuron's boundary {ẑ_S = 0}, z_t stays
 * continuous, so its gradient jumps by a multiple of ∇ẑ_S: g' = g + t·∇ẑ_S. The attack walks along
 * the boundary inside a region (no queries: the known layers say where the region ends), steps
 * over the crossing, finds the bent boundary with one line search along g and reads t from where
 * it lies; a second, predicted critical point confirms the bend. Each region's gradient is then
 * known in one common scale, and ∇z_t = Σ_k u_k ∇ReLU(ẑ_{m,k}) + Σ_i ℓ_i ∇h_{m−1,i} in every region
 * visited, plus z_t = 0 at every boundary point, give (u, ℓ, β) by least squares. The walk heads
 * for the known neurons not yet seen both on and off, until the system has full rank.
 *
 * <p>A critical point of a deeper neuron bends where no known boundary lies; its bends are not
 * confirmed and the trace fails, leaving it for the next layer.
 */
final class BoundaryTrace {

    /**
     * A stretch of the boundary: a point on it inside a region, ∇z_t there in the trace's scale, and
     * every exact critical point of the stretch that the attack measured (x among them).
     */
    record Piece(double[] x, double[] g, List<double[]> exact) {
    }

    /**
     * A traced neuron of layer m + 1.
     *
     * @param upper    u, over layer m's ReLU(ẑ)
     * @param lower    ℓ, the skip term over layer m − 1's activations (or the inputs)
     * @param bias     β
     * @param pieces   the boundary stretches visited, in order
     * @param residual the largest misfit of the least-squares solution, relative to ‖g‖
     */
    record Traced(double[] upper, double[] lower, double bias, List<Piece> pieces, double residual) {

        /** (u, ℓ, β) in one vector. */
        double[] theta() {
            double[] theta = java.util.Arrays.copyOf(upper, upper.length + lower.length + 1);
            System.arraycopy(lower, 0, theta, upper.length, lower.length);
            theta[theta.length - 1] = bias;
            return theta;
        }

        double value(KnownLayers.State s, double[] x, int m) {
            double z = bias;
            double[] h = s.h()[m - 1];
            for (int k = 0; k < upper.length; k++) {
                z += upper[k] * h[k];
            }
            double[] a = s.activations(m - 2, x);
            for (int i = 0; i < lower.length; i++) {
                z += lower[i] * a[i];
            }
            return z;
        }
    }

    /** Why a trace stopped, for the log. */
    record Outcome(Optional<Traced> traced, List<Piece> pieces, String reason, Optional<Partial> partial) {
    }

    /**
     * A walk whose exact points fit a neuron but leave some of its weights open: every (u, ℓ, β) in
     * the span of {@code basis} passes through them. This happens when a known neuron never switches
     * along the part of the boundary walked. Once the layer below has its signs, the true neuron is
     * the one in the span with no skip term ({@link DeeperLayers}).
     *
     * @param basis  rows of length |u| + |ℓ| + 1, orthonormal
     * @param points the exact critical points of the walk
     */
    record Partial(double[][] basis, List<double[]> points) {
    }

    private final KnownLayers known;
    private final Random random;
    private final LineSearch search;
    private final NeuronFit fit;
    private final int m;
    private final int lowerWidth;
    private final double maxRadius;

    BoundaryTrace(Oracle oracle, Noise noise, KnownLayers known, Random random, double maxRadius) {
        this.known = known;
        this.random = random;
        this.search = new LineSearch(oracle, noise, 0);
        this.m = known.depth();
        this.lowerWidth = m == 1 ? known.inputs() : known.width(m - 2);
        this.maxRadius = maxRadius;
        this.fit = new NeuronFit(known, search, random, maxRadius);
    }

    /** Follows the boundary through x0, whose normal there is g0, across at most maxCrossings known boundaries. */
    Outcome trace(double[] x0, double[] g0, int maxCrossings) {
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece(x0.clone(), g0.clone(), List.of(x0.clone())));
        int upperWidth = known.width(m - 1);
        // seen[0][k]: neuron k of layer m (then m − 1) seen active on the boundary; seen[1][k]: seen inactive.
        boolean[][] upperSeen = new boolean[2][upperWidth];
        boolean[][] lowerSeen = new boolean[2][lowerWidth];
        boolean[] upperUnreachable = new boolean[upperWidth];
        boolean[] lowerUnreachable = new boolean[lowerWidth];
        note(known.at(x0), upperSeen, lowerSeen);
        Piece current = pieces.get(0);
        int failures = 0;
        int crossings = 0;
        int outOfBudget = 0;
        int runOff = 0;
        int unconfirmed = 0;
        double[] previous = null;
        double[] firstDirection = null;
        boolean reversed = false;
        Target chasing = null;
        int chaseCrossings = 0;
        int[][] tries = {new int[upperWidth], new int[lowerWidth]};
        boolean perturb = false;
        KnownLayers.Exit lastCrossed = null;
        while (crossings < maxCrossings) {
            KnownLayers.State s = known.at(current.x());
            Target target = nextTarget(s, current.g(), upperSeen, lowerSeen, upperUnreachable, lowerUnreachable);
            if (target == null) {
                break;
            }
            if (chasing == null || chasing.upper() != target.upper() || chasing.neuron() != target.neuron()) {
                chasing = target;
                chaseCrossings = 0;
            } else if (++chaseCrossings > 2 * (upperWidth + lowerWidth)) {
                outOfBudget++;
                markUnreachable(target, upperUnreachable, lowerUnreachable);
                continue;
            }
            double[] u = target.direction();
            if (perturb) {
                // The last try at this target met a bend it could not confirm: approach from a slightly other way.
                double[] r = new double[u.length];
                for (int j = 0; j < r.length; j++) {
                    r[j] = u[j] + 0.5 * random.nextGaussian() / Math.sqrt(u.length);
                }
                u = unit(tangent(r, current.g()));
                perturb = false;
            } else if (previous != null && KnownLayers.dot(u, previous) < 0) {
                // Heading for the target would turn back along the boundary: go on ahead instead, so the walk cannot
                // swing between two stretches.
                u = unit(tangent(previous, current.g()));
            }
            if (lastCrossed != null) {
                double z = s.z()[lastCrossed.layer()][lastCrossed.neuron()];
                double[] n = s.grad()[lastCrossed.layer()][lastCrossed.neuron()];
                if (z * KnownLayers.dot(n, u) < 0) {
                    // Do not step straight back over the boundary just crossed (the walk would zig-zag into a corner):
                    // go along it instead.
                    double[] along = tangent(u, n);
                    along = tangent(along, current.g());
                    double norm = KinkAnalysis.norm(along);
                    if (norm > 1e-6) {
                        u = unit(along);
                    }
                }
            }
            if (firstDirection == null) {
                firstDirection = u.clone();
            }
            KnownLayers.Exit exit = KnownLayers.exit(s, u);
            double[] crossing = LineSearch.point(current.x(), u, exit.tau());
            if (Double.isInfinite(exit.tau()) || KinkAnalysis.norm(crossing) > maxRadius) {
                if (!reversed && pieces.size() > 1) {
                    // This way the boundary runs off: walk the other way from where the trace began.
                    reversed = true;
                    current = pieces.get(0);
                    previous = firstDirection.clone();
                    for (int j = 0; j < previous.length; j++) {
                        previous[j] = -previous[j];
                    }
                    continue;
                }
                if (++tries[target.upper() ? 0 : 1][target.neuron()] >= 3) {
                    runOff++;
                    markUnreachable(target, upperUnreachable, lowerUnreachable);
                } else {
                    // Try the target again from another stretch already visited.
                    current = pieces.get(random.nextInt(pieces.size()));
                }
                previous = null;
                continue;
            }
            Optional<Piece> next = cross(current, u, exit);
            crossings++;
            if (next.isEmpty()) {
                failures++;
                if (failures >= 6 || (pieces.size() == 1 && failures >= 3)) {
                    return new Outcome(Optional.empty(), pieces, "no bend was confirmed where the boundary met a known one: a"
                            + " deeper neuron, or one hidden there", partial(pieces));
                }
                if (++tries[target.upper() ? 0 : 1][target.neuron()] >= 3) {
                    unconfirmed++;
                    markUnreachable(target, upperUnreachable, lowerUnreachable);
                } else {
                    perturb = true;
                }
                continue;
            }
            failures = 0;
            lastCrossed = exit;
            current = next.get();
            previous = u;
            pieces.add(current);
            note(known.at(current.x()), upperSeen, lowerSeen);
        }
        Optional<Traced> solved = solve(pieces);
        Optional<Partial> partial = solved.isPresent() ? Optional.empty() : partial(pieces);
        int missed = outOfBudget + runOff + unconfirmed;
        String reason = solved.isPresent() ? "traced" : missed == 0 ? String.format(java.util.Locale.ROOT, "the bends seen do"
                + " not determine every weight, though every known neuron was met on and off (some only barely) in %d crossings",
                crossings) : String.format(java.util.Locale.ROOT, "the bends seen do not determine every weight: %d known neurons"
                + " not reached (%d the boundary ran off from, %d too long a walk, %d bends not confirmed) in %d crossings", missed,
                runOff, outOfBudget, unconfirmed, crossings);
        return new Outcome(solved, pieces, reason, partial);
    }

    private record Target(boolean upper, int neuron, double[] direction) {
    }

    /** The known neuron not yet seen both ways whose boundary is nearest along the current stretch. */
    private Target nextTarget(KnownLayers.State s, double[] g, boolean[][] upperSeen, boolean[][] lowerSeen,
                              boolean[] upperUnreachable, boolean[] lowerUnreachable) {
        Target best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int pass = 0; pass < 2; pass++) {
            boolean upper = pass == 0;
            if (!upper && m == 1) {
                break;
            }
            int layer = upper ? m - 1 : m - 2;
            boolean[][] seen = upper ? upperSeen : lowerSeen;
            boolean[] unreachable = upper ? upperUnreachable : lowerUnreachable;
            for (int k = 0; k < seen[0].length; k++) {
                if ((seen[0][k] && seen[1][k]) || unreachable[k]) {
                    continue;
                }
                double[] n = s.grad()[layer][k];
                double[] p = tangent(n, g);
                double along = KinkAnalysis.norm(p);
                if (along < 1e-9 * KinkAnalysis.norm(n)) {
                    continue;
                }
                double z = s.z()[layer][k];
                double distance = Math.abs(z) / along;
                if (distance < bestDistance) {
                    bestDistance = distance;
                    double sign = z > 0 ? -1 : 1;
                    for (int j = 0; j < p.length; j++) {
                        p[j] *= sign / along;
                    }
                    best = new Target(upper, k, p);
                }
            }
        }
        return best;
    }

    private static void markUnreachable(Target t, boolean[] upperUnreachable, boolean[] lowerUnreachable) {
        (t.upper() ? upperUnreachable : lowerUnreachable)[t.neuron()] = true;
    }

    private void note(KnownLayers.State s, boolean[][] upperSeen, boolean[][] lowerSeen) {
        for (int k = 0; k < upperSeen[0].length; k++) {
            upperSeen[s.z()[m - 1][k] > 0 ? 0 : 1][k] = true;
        }
        if (m >= 2) {
            for (int i = 0; i < lowerSeen[0].length; i++) {
                lowerSeen[s.z()[m - 2][i] > 0 ? 0 : 1][i] = true;
            }
        }
    }

    static double[] unit(double[] v) {
        double n = KinkAnalysis.norm(v);
        double[] u = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            u[j] = v[j] / n;
        }
        return u;
    }

    /** n with its component along g removed. */
    private static double[] tangent(double[] n, double[] g) {
        double gg = KnownLayers.dot(g, g);
        double c = KnownLayers.dot(n, g) / gg;
        double[] p = new double[n.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = n[j] - c * g[j];
        }
        return p;
    }

    /**
     * Steps from the stretch {@code from} over the known boundary the ray along u meets, and finds
     * the bent stretch beyond: on the line q + s·ĝ (q a little past the crossing c), the new
     * stretch z = g·(x − c) + t·n·(x − c) vanishes at s* = −t δ(n·u)/(‖g‖ + t n·ĝ), so the kink's
     * place gives t = −s*‖g‖/(δ n·u + s* n·ĝ).
     */


    private Optional<Piece> cross(Piece from, double[] u, KnownLayers.Exit exit) {
        double[] c = LineSearch.point(from.x(), u, exit.tau());
        Optional<Piece> piece = crossAt(from, u, exit, c);
        // The crossing may sit in a corner (another known boundary close by), where the region beyond is a thin wedge
        // that no search line passes through.
        // The bend's hinge {x : g·(x − c) = 0, n·(x − c) = 0} lies on the neuron's boundary wherever it borders both
        // regions: slide along it, away from the corner, and look again.
        boolean corner = piece.isEmpty() && nearestOther(c, exit) < 1e-2 * (1 + KinkAnalysis.norm(c));
        for (int slide = 0; corner && slide < HINGE_SLIDES && piece.isEmpty(); slide++) {
            double[] moved = alongHinge(c, from.g(), exit.normal());
            if (moved == null) {
                break;
            }
            piece = crossAt(from, u, exit, moved);
        }
        return piece;
    }

    /** The distance from c to the nearest known boundary other than the one crossed there. */
    private double nearestOther(double[] c, KnownLayers.Exit crossed) {
        KnownLayers.State s = known.at(c);
        double nearest = Double.POSITIVE_INFINITY;
        for (int l = 0; l < s.z().length; l++) {
            for (int i = 0; i < s.z()[l].length; i++) {
                double n = KinkAnalysis.norm(s.grad()[l][i]);
                if (n > 0 && !(l == crossed.layer() && i == crossed.neuron())) {
                    nearest = Math.min(nearest, Math.abs(s.z()[l][i]) / n);
                }
            }
        }
        return nearest;
    }

    /** Points slid along the hinge that a crossing in a corner tries before giving up on it. */
    static final int HINGE_SLIDES = 3;

    /**
     * A point of the hinge through c (orthogonal to both g and the crossed boundary's normal n) in a
     * random direction, half-way to the nearest other known boundary on either side; null if there
     * is no room.
     */
    private double[] alongHinge(double[] c, double[] g, double[] n) {
        double[] e1 = unit(n);
        double[] e2 = unit(tangent(g, e1));
        double[] h = new double[c.length];
        for (int j = 0; j < h.length; j++) {
            h[j] = random.nextGaussian();
        }
        h = tangent(tangent(h, e1), e2);
        if (!(KinkAnalysis.norm(h) > 1e-9)) {
            return null;
        }
        h = unit(h);
        double eps = 1e-9 * (1 + KinkAnalysis.norm(c));
        double best = 0;
        double[] bestDirection = null;
        for (double sign : new double[] {1, -1}) {
            double[] d = h.clone();
            for (int j = 0; j < d.length; j++) {
                d[j] *= sign;
            }
            double room = Math.min(KnownLayers.exit(known.at(LineSearch.point(c, e1, eps)), d).tau(),
                    KnownLayers.exit(known.at(LineSearch.point(c, e1, -eps)), d).tau());
            if (room > best) {
                best = room;
                bestDirection = d;
            }
        }
        if (bestDirection == null) {
            return null;
        }
        double step = Math.min(0.5 * best, maxRadius);
        double[] moved = LineSearch.point(c, bestDirection, step);
        return step > 1e-7 * (1 + KinkAnalysis.norm(c)) && KinkAnalysis.norm(moved) <= maxRadius ? moved : null;
    }

    private Optional<Piece> crossAt(Piece from, double[] u, KnownLayers.Exit exit, double[] c) {
        double scale = 1 + KinkAnalysis.norm(c);
        double[] g = from.g();
        double[] n = exit.normal();
        double nNorm = KinkAnalysis.norm(n);
        double side = KnownLayers.dot(n, u) > 0 ? 1 : -1;
        double gNorm = KinkAnalysis.norm(g);
        double[] gh = new double[g.length];
        double[] across = new double[g.length];
        for (int j = 0; j < g.length; j++) {
            gh[j] = g[j] / gNorm;
            across[j] = side * n[j] / nNorm;
        }
        double[] along = tangent(gh, n);
        double alongNorm = KinkAnalysis.norm(along);
        for (int j = 0; j < along.length; j++) {
            along[j] /= alongNorm;
        }
        // Lines along ĝ, set off along u (the stretch goes on roughly ahead), then lines parallel to the crossed
        // boundary, set off across it (the stretch turns back).
        // Last, lines straight across the crossed boundary, set off along it either way: a stretch that hugs it (a bend
        // far larger than the gradient) crosses those close by.
        double[] ahead = new double[along.length];
        double[] behind = new double[along.length];
        for (int j = 0; j < along.length; j++) {
            ahead[j] = along[j] + 1e-3 * across[j];
            behind[j] = -along[j] + 1e-3 * across[j];
        }
        double[][][] families = {{u, gh}, {across, along}, {unit(ahead), across}, {unit(behind), across}};
        for (double[][] family : families) {
            double[] offset = family[0];
            double room = KnownLayers.exit(known.at(LineSearch.point(c, offset, 1e-9 * scale)), offset).tau();
            for (double share : new double[] {0.1, 0.01}) {
                double delta = Math.min(share * room, 0.5 * scale);
                Optional<Piece> piece = bentStretch(from, exit, c, offset, family[1], delta);
                if (piece.isPresent()) {
                    return piece;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The bent stretch past the crossing c: critical points p₁, p₂ on the lines through c + δo and
     * c + 2δo along the direction e. The stretch's gradient is g' = g + t·n with g'·(p₁ − p₂) = 0, so
     * t = −g·Δp / n·Δp. Two measured points, rather than one and the predicted crossing, keep an
     * error in c (from an error in g) from growing along the walk.
     */
    private Optional<Piece> bentStretch(Piece from, KnownLayers.Exit exit, double[] c, double[] o, double[] e, double delta) {
        double[] g = from.g();
        double[] n = exit.normal();
        double scale = 1 + KinkAnalysis.norm(c);
        if (!(delta > 1e-7 * scale)) {
            return Optional.empty();
        }
        List<LineSearch.Kink> first = kinksAcross(LineSearch.point(c, o, delta), e, delta);
        List<LineSearch.Kink> second = kinksAcross(LineSearch.point(c, o, 2 * delta), e, delta);
        for (LineSearch.Kink p1 : first) {
            for (LineSearch.Kink p2 : second) {
                double[] dp = new double[g.length];
                for (int j = 0; j < dp.length; j++) {
                    dp[j] = p1.x()[j] - p2.x()[j];
                }
                double t = -KnownLayers.dot(g, dp) / KnownLayers.dot(n, dp);
                double[] g2 = new double[g.length];
                for (int j = 0; j < g.length; j++) {
                    g2[j] = g[j] + t * n[j];
                }
                // The boundary is continuous: the bent stretch must pass through the crossing too (this also rules out,
                // in two dimensions, a pair that lies on another neuron's boundary).
                double[] back = new double[g.length];
                for (int j = 0; j < back.length; j++) {
                    back[j] = c[j] - p1.x()[j];
                }
                boolean continuous = Math.abs(KnownLayers.dot(g2, back)) < Math.min(1e-7 * scale, 1e-4 * delta) * KinkAnalysis.norm(g2);
                double[] third = Double.isFinite(t) && continuous ? confirms(p1.x(), g2, p2.x()) : null;
                if (third != null) {
                    return Optional.of(new Piece(p1.x(), g2, List.of(p1.x(), p2.x(), third)));
                }
            }
        }
        return Optional.empty();
    }

    /** The critical points on the line through q along ĝ, inside q's region of the known layers, nearest first. */
    private List<LineSearch.Kink> kinksAcross(double[] q, double[] gh, double delta) {
        double[] minus = new double[gh.length];
        for (int j = 0; j < gh.length; j++) {
            minus[j] = -gh[j];
        }
        KnownLayers.State atQ = known.at(q);
        double hi = Math.min(0.95 * KnownLayers.exit(atQ, gh).tau(), 1000 * delta);
        double lo = Math.min(0.95 * KnownLayers.exit(atQ, minus).tau(), 1000 * delta);
        List<LineSearch.Kink> kinks = new ArrayList<>(search.kinks(q, gh, -lo, hi));
        kinks.sort((a, b) -> Double.compare(Math.abs(a.t()), Math.abs(b.t())));
        return kinks.subList(0, Math.min(4, kinks.size()));
    }

    /**
     * The exact critical point where the stretch through p with gradient g2 predicts one, at a third
     * place: from p along a random direction of the stretch, half-way to the nearest known
     * boundary (so still in p's region) or to the other measured point q; null if the black box
     * does not kink there; p itself when the region leaves no room for a third point.
     */
    private double[] confirms(double[] p, double[] g2, double[] q) {
        double[] r = new double[p.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = random.nextGaussian();
        }
        r = unit(tangent(r, g2));
        double reach = 0.5 * Math.min(known.inradius(p), distance(p, q));
        double[] a = LineSearch.point(p, r, reach);
        double[] dir = unit(g2);
        // The window allows for the error the walk's gradients carry (the first normal's finite differences).
        double span = 1e-5 * (1 + KinkAnalysis.norm(a));
        if (!(reach > 10 * span)) {
            // No room for a third point in this region: the continuity test through the crossing stands alone.
            return p;
        }
        List<LineSearch.Kink> found = search.kinks(a, dir, -span, span);
        return found.size() == 1 ? found.get(0).x() : null;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    /**
     * The span of (u, ℓ, β) that passes through every exact point of the walk, when the points fit
     * a neuron (smallest singular value near zero) but leave at most {@link NeuronFit#MAX_OPEN} directions
     * besides its scale open.
     */
    private Optional<Partial> partial(List<Piece> pieces) {
        List<double[]> points = new ArrayList<>();
        pieces.forEach(p -> points.addAll(p.exact()));
        return fit.partialThrough(points);
    }

    /** (u, ℓ, β) from every stretch: ∇z_t = G(x_p)·θ and z_t(x_p) = 0, by least squares. */
    private Optional<Traced> solve(List<Piece> pieces) {
        int upperWidth = known.width(m - 1);
        int unknowns = upperWidth + lowerWidth + 1;
        int d = known.inputs();
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        double gScale = 0;
        for (Piece p : pieces) {
            gScale = Math.max(gScale, KinkAnalysis.norm(p.g()));
        }
        for (Piece p : pieces) {
            KnownLayers.State s = known.at(p.x());
            double[][] upperGrad = s.activationGradients(m - 1, d);
            double[][] lowerGrad = s.activationGradients(m - 2, d);
            for (int j = 0; j < d; j++) {
                double[] row = new double[unknowns];
                for (int k = 0; k < upperWidth; k++) {
                    row[k] = upperGrad[k][j];
                }
                for (int i = 0; i < lowerWidth; i++) {
                    row[upperWidth + i] = lowerGrad[i][j];
                }
                rows.add(row);
                rhs.add(p.g()[j]);
            }
            double[] value = new double[unknowns];
            double[] upperValue = s.h()[m - 1];
            double[] lowerValue = s.activations(m - 2, p.x());
            System.arraycopy(upperValue, 0, value, 0, upperWidth);
            System.arraycopy(lowerValue, 0, value, upperWidth, lowerWidth);
            value[unknowns - 1] = 1;
            rows.add(value);
            rhs.add(0.0);
        }
        if (rows.size() < unknowns) {
            return Optional.empty();
        }
        double[][] a = rows.toArray(new double[0][]);
        double[][] y = new double[rhs.size()][1];
        for (int i = 0; i < y.length; i++) {
            y[i][0] = rhs.get(i);
        }
        double[][] theta = LinearSolve.leastSquares(a, y);
        if (theta == null) {
            return Optional.empty();
        }
        double residual = 0;
        for (int i = 0; i < a.length; i++) {
            double fit = 0;
            for (int k = 0; k < unknowns; k++) {
                fit += a[i][k] * theta[k][0];
            }
            residual = Math.max(residual, Math.abs(fit - y[i][0]) / gScale);
        }
        List<double[]> exact = new ArrayList<>();
        pieces.forEach(p -> exact.addAll(p.exact()));
        double[] polished = fit.polish(exact, theta);
        if (polished == null) {
            return Optional.empty();
        }
        for (int k = 0; k < unknowns; k++) {
            theta[k][0] = polished[k];
        }
        double[] upper = new double[upperWidth];
        double[] lower = new double[lowerWidth];
        for (int k = 0; k < upperWidth; k++) {
            upper[k] = theta[k][0];
        }
        for (int i = 0; i < lowerWidth; i++) {
            lower[i] = theta[upperWidth + i][0];
        }
        return Optional.of(new Traced(upper, lower, theta[unknowns - 1][0], List.copyOf(pieces), residual));
    }
}
