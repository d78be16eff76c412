package th.ita.app.message;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;
import th.ita.core.message.Language;

/**
 * The language of a request, for any controller argument of type {@link Language}: {@code ?lang=th|en}
 * first, then {@code Accept-Language}, Thai otherwise.
 */
@Singleton
public class RequestLanguage implements TypedRequestArgumentBinder<Language> {

    public static Language of(HttpRequest<?> request) {
        Optional<String> lang;
        try {
            lang = request.getParameters().getFirst("lang");
        } catch (RuntimeException malformed) {
            // A request whose URI cannot be read (to be refused): its header still says the language.
            lang = Optional.empty();
        }
        if (lang.isPresent() && !lang.get().isBlank()) {
            return Language.parse(lang.get());
        }
        return Language.parse(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @Override
    public Argument<Language> argumentType() {
        return Argument.of(Language.class);
    }

    @Override
    public BindingResult<Language> bind(ArgumentConversionContext<Language> context, HttpRequest<?> source) {
        Language language = of(source);
        return () -> Optional.of(language);
    }
}
