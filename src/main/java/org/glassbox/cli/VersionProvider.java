package org.glassbox.cli;

import java.util.Map;
import org.glassbox.experiment.Versions;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return Versions.current().entrySet().stream().map(Map.Entry::getKey).map(k -> k + ": " + Versions.current().get(k))
                .toArray(String[]::new);
    }
}
