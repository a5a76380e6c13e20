package org.glassbox.models;

/** Breaks the foundations rule on purpose (a model class reaching up into a workspace), for LayeringTest. */
final class LayeringViolationFixture {

    static Object reachUp() {
        return org.glassbox.modellab.EvaluationParameters.defaults();
    }
}
