package org.glassbox.experiment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a parameters record: a one-line description and the allowed range.
 * The parameter sheet, the CLI help and validation are all generated from these.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Param {

    String label();

    String description();

    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    /** Other names of the field's command-line option, besides --kebab-case-of-its-name (e.g. "--lr"). */
    String[] flags() default {};
}
