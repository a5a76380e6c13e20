package org.glassbox.inversion;

import org.glassbox.models.ModelHandle;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The squared-L2 gradient-matching loss of Deep Leakage from Gradients (Zhu, Liu and Han 2019),
 * {@code L(x) = ‖∇_W ℓ(x, y; W) − g*‖²}, and its gradient with respect to the dummy input x.
 *
 * <p>With v = ∇_W ℓ(x, y; W) − g* held fixed, {@code ∇_x L = 2 ∇_x ⟨∇_W ℓ(x, y; W), v⟩}, a
 * Hessian-vector product. DL4J has no second-order derivatives, so it is taken by central
 * differences of first-order input gradients along v (mixed partials commute):
 * {@code ∇_x ⟨∇_W ℓ, v⟩ ≈ (∇_x ℓ(x, W + εv) − ∇_x ℓ(x, W − εv)) / 2ε}, with ε = ε₀/‖v‖ so that
 * the weights move by ε₀ in norm. The error is O(ε₀²) (the third derivative of ℓ along v); the
 * rounding error is O(u/ε₀) with u the unit roundoff, so ε₀ = 1e-4 in double precision balances
 * them near 1e-8 relative. Three gradient computations per evaluation.
 */
public final class GradientMatching {

    public static final double DEFAULT_STEP = 1e-4;

    private final ModelHandle model;
    private final INDArray weights;
    private final INDArray target;
    private final double step;

    /**
     * The loss and its gradient with respect to the input, at one x; {@code weightCotangent} is
     * ∂L/∂g, the direction in weight space along which the input gradient was taken (null where L is constant).
     */
    public record Evaluation(double loss, INDArray inputGradient, INDArray weightCotangent) {
    }

    /**
     * @param model  the network, in double precision; its parameters are W
     * @param target the shared gradient g* (flat, same layout as the model's parameters)
     * @param step   ε₀, the norm of the weight perturbation
     */
    public GradientMatching(ModelHandle model, INDArray target, double step) {
        this.model = model;
        this.weights = model.parameters();
        this.target = target.reshape(weights.shape());
        this.step = step;
    }

    public Evaluation evaluate(INDArray x, INDArray y) {
        model.setParameters(weights);
        INDArray v = model.gradients(x, y).parameters().reshape(weights.shape()).sub(target);
        double loss = v.mul(v).sumNumber().doubleValue();
        double norm = Math.sqrt(loss);
        if (norm == 0) {
            return new Evaluation(0, x.mul(0), null);
        }
        double eps = step / norm;
        INDArray grad = directionalInputGradient(x, y, v, eps).muli(2);
        return new Evaluation(loss, grad, v.muli(2));
    }

    /**
     * The cosine cost of Inverting Gradients (Geiping et al. 2020), {@code L(x) = 1 − ⟨g, g*⟩ / (‖g‖ ‖g*‖)}
     * with g = ∇_W ℓ(x, y; W), and its input gradient ∇_x L = ∇_x ⟨∇_W ℓ, v⟩ for
     * v = ∂L/∂g = −g* / (‖g‖ ‖g*‖) + ⟨g, g*⟩ g / (‖g‖³ ‖g*‖), by the same Hessian-vector product.
     */
    public Evaluation evaluateCosine(INDArray x, INDArray y) {
        model.setParameters(weights);
        INDArray g = model.gradients(x, y).parameters().reshape(weights.shape());
        double a = g.norm2Number().doubleValue();
        double b = target.norm2Number().doubleValue();
        if (a == 0 || b == 0) {
            return new Evaluation(1, x.mul(0), null);
        }
        double c = g.mul(target).sumNumber().doubleValue();
        double loss = 1 - c / (a * b);
        INDArray v = target.div(-a * b).addi(g.mul(c / (a * a * a * b)));
        double norm = v.norm2Number().doubleValue();
        if (norm == 0) {
            return new Evaluation(loss, x.mul(0), null);
        }
        return new Evaluation(loss, directionalInputGradient(x, y, v, step / norm), v);
    }

    /**
     * DLG's label gradient: ∂L/∂u for soft labels y = softmax(u), row by row, given w = ∂L/∂g
     * from {@link #evaluate} or {@link #evaluateCosine} at the same x and y.
     *
     * <p>With softmax cross-entropy, g = Σ_i J_iᵀ(p_i − y_i) where J_i = ∂z_i/∂W are the logits'
     * weight Jacobians, so g is linear in y and ∂L/∂y_ik = −⟨w, ∂z_ik/∂W⟩: the derivative of the
     * logit along w, one central difference of two forward passes, (z(W + εw) − z(W − εw)) / 2ε.
     * The softmax's Jacobian then gives ∂L/∂u_i = y_i ⊙ (c_i − ⟨y_i, c_i⟩) with c_i = ∂L/∂y_i,
     * which is unchanged by adding a constant to c_i; so log-probabilities, which differ from the
     * logits by a constant per row, serve as well as the logits. Error O(ε₀²), as for the input gradient.
     */
    public INDArray labelGradient(INDArray x, INDArray y, INDArray w) {
        if (w == null) {
            return y.mul(0);
        }
        double norm = w.norm2Number().doubleValue();
        if (norm == 0) {
            return y.mul(0);
        }
        double eps = step / norm;
        INDArray wFlat = w.reshape(weights.shape());
        model.setParameters(weights.add(wFlat.mul(eps)));
        INDArray up = Transforms.log(Transforms.max(model.output(x), 1e-300, false), false);
        model.setParameters(weights.sub(wFlat.mul(eps)));
        INDArray down = Transforms.log(Transforms.max(model.output(x), 1e-300, false), false);
        model.setParameters(weights);
        INDArray c = up.subi(down).divi(-2 * eps);
        INDArray inner = y.mul(c).sum(true, 1);
        return y.mul(c.subiColumnVector(inner));
    }

    /** The central-difference estimate of ∇_x ⟨∇_W ℓ(x, y; W), v⟩ with weight step eps·v. */
    public INDArray directionalInputGradient(INDArray x, INDArray y, INDArray v, double eps) {
        model.setParameters(weights.add(v.mul(eps)));
        INDArray up = model.gradients(x, y).input();
        model.setParameters(weights.sub(v.mul(eps)));
        INDArray down = model.gradients(x, y).input();
        model.setParameters(weights);
        return up.subi(down).divi(2 * eps);
    }
}
