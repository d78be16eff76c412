package th.ita.app;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.util.Optional;
import th.ita.app.cli.CliLanguage;
import th.ita.app.cli.CommandLine;
import th.ita.app.launch.SizedJvm;

/** Starts the platform's HTTP server, or runs a command ("ingest", "generate-demo", "benchmark-ingest", "benchmark-analytics"). */
@OpenAPIDefinition(
        info = @Info(title = "ITA benchmarking platform", version = "0.1",
                description = "Scores of Thailand's Integrity and Transparency Assessment (ITA) for local administrative organizations: "
                        + "ingestion, rankings within a province, trends, weaknesses and the next level. Years are fiscal years in the "
                        + "Buddhist Era (2568 = 1 Oct 2024 – 30 Sep 2025). Every /api/tenants/… call needs 'Authorization: Bearer <token>' "
                        + "(POST /api/sign-in); another tenant's ids and organizations outside the caller's scope answer 404."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && CommandLine.handles(args[0])) {
            System.exit(CommandLine.run(args));
        }
        Optional<Integer> served = SizedJvm.runServer(Application.class, args, CliLanguage.ofEnvironment(System.getenv()), System.err);
        if (served.isPresent()) {
            System.exit(served.get());
        }
        SizedJvm.stopWithLauncher();
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
