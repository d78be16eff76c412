package th.ita.app;

import io.micronaut.runtime.Micronaut;
import th.ita.app.cli.CommandLine;

/** Starts the platform's HTTP server, or runs a command ("ingest", "generate-demo", "benchmark-ingest"). */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && CommandLine.handles(args[0])) {
            System.exit(CommandLine.run(args));
        }
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
