package th.ita.app.error;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import th.ita.core.error.ItaException;

/** Test-only routes that fail the way the store and the code can fail, with internal text in the exception. */
@Controller("/test-faults")
@Requires(env = "test")
@Secured(SecurityRule.IS_ANONYMOUS)
class FaultyController {
    static final String INTERNAL_TEXT = "Value too long for column \"DISPLAY_NAME CHARACTER VARYING(200)\"; SQL statement: "
            + "INSERT INTO app_user VALUES (?) [22001-232] H2 2.3.232 (2024-08-11)";

    @Get("/unexpected")
    String unexpected() {
        throw new IllegalStateException(INTERNAL_TEXT);
    }

    @Get("/storage")
    String storage() {
        throw ItaException.storageUnavailable("cannot publish batch 7: " + INTERNAL_TEXT, new RuntimeException(INTERNAL_TEXT));
    }
}
