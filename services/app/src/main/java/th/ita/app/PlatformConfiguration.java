package th.ita.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;

/** The platform's own settings ({@code ita.*} in application.yml). */
@ConfigurationProperties("ita")
public record PlatformConfiguration(Path dataDirectory, @Nullable String frameworksDirectory, Demo demo, @Nullable Bootstrap bootstrap) {

    @ConfigurationProperties("demo")
    public record Demo(boolean loadOnStart, String tenant) {
    }

    /**
     * The first tenant and its admin on a real installation, from the environment (ITA_BOOTSTRAP_TENANT,
     * ITA_BOOTSTRAP_ADMIN, ITA_BOOTSTRAP_PASSWORD); created once, when the tenant does not exist yet.
     */
    @ConfigurationProperties("bootstrap")
    public record Bootstrap(@Nullable String tenant, @Nullable String admin, @Nullable String password) {
    }
}
