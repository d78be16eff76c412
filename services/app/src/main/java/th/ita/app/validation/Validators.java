package th.ita.app.validation;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Locale;

/** The validators of the platform's own constraints. */
@Factory
class Validators {
    @Singleton
    ConstraintValidator<OneOf, CharSequence> oneOf() {
        return (value, annotation, context) -> {
            if (value == null) {
                return true;
            }
            String given = value.toString().strip().toUpperCase(Locale.ROOT);
            return Arrays.stream(annotation.stringValues()).anyMatch(allowed -> allowed.toUpperCase(Locale.ROOT).equals(given));
        };
    }

    @Singleton
    ConstraintValidator<BuddhistYear, Integer> buddhistYear() {
        return (value, annotation, context) -> value == null || (value >= BuddhistYear.MIN && value <= BuddhistYear.MAX);
    }
}
