package th.ita.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;

/** The platform's own settings ({@code ita.*} in application.yml). */
@ConfigurationProperties("ita")
public record PlatformConfiguration(Path dataDirectory, @Nullable String frameworksDirectory, Demo demo) {

    @ConfigurationProperties("demo")
    public record Demo(boolean loadOnStart, String tenant) {
    }
}
