package org.glassbox.experiment;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.glassbox.engine.UserFacingException;

/** Validation of parameters records against their {@link Param} ranges. */
public final class Parameters {

    private Parameters() {
    }

    /** Every range violation in the record, as sentences; empty when all is well. */
    public static List<String> problems(Record parameters) {
        List<String> problems = new ArrayList<>();
        List<ParameterSpec> specs = ParameterSpec.of(parameters.getClass());
        RecordComponent[] components = parameters.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            try {
                String problem = specs.get(i).check(components[i].getAccessor().invoke(parameters));
                if (problem != null) {
                    problems.add(problem);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return problems;
    }

    public static <R extends Record> R requireValid(R parameters) throws UserFacingException {
        List<String> problems = problems(parameters);
        if (!problems.isEmpty()) {
            throw new UserFacingException(String.join(" ", problems), "Change the value and run again.");
        }
        return parameters;
    }
}
