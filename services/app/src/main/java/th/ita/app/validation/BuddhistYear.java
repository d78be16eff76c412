package th.ita.app.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A fiscal year in the Buddhist Era, as the API takes years: within {@link #MIN}–{@link #MAX}. A CE year
 * (2025) or a typo (256) is refused here rather than answered as "no scores".
 */
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, FIELD})
@Constraint(validatedBy = {})
public @interface BuddhistYear {
    int MIN = 2500;
    int MAX = 2700;

    String message() default "must be a fiscal year in BE";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
