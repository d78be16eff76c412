package th.ita.app.error;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.net.URISyntaxException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.ita.app.message.RequestLanguage;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;

/**
 * The framework's own errors as problem+json too, in the caller's language from the catalog: an unknown
 * route (404), a wrong method (405), an unsupported content type (415), a missing or unconvertible
 * parameter, malformed JSON and a malformed request path (400), and every unexpected exception (500). A 5xx never shows the exception's text — it can hold SQL, class
 * names and versions — only a reference under which the log keeps it.
 */
@Singleton
@Primary
@Replaces(HateoasErrorResponseProcessor.class)
public class ProblemResponses implements ErrorResponseProcessor<Problem> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private static final int MAX_DETAIL = 500;

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        HttpRequest<?> request = context.getRequest();
        String instance = instanceOf(request);
        Language language = RequestLanguage.of(request);
        Problem problem;
        if (status.getCode() >= 500) {
            String reference = Problem.newReference();
            Throwable cause = context.getRootCause().orElse(null);
            LOG.error("{} {} answered {} [reference {}]: {}", request.getMethodName(), instance, status.getCode(), reference,
                    context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; ")), cause);
            problem = Problem.fault(status, "INTERNAL_ERROR", reference, instance, language);
        } else {
            problem = Problem.of(status, codeOf(status), detailOf(context, status, instance, language), instance, language);
        }
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }

    /** The request's path as sent, or nothing when it cannot be read (a malformed URI cannot). */
    private static String instanceOf(HttpRequest<?> request) {
        try {
            return request.getPath();
        } catch (RuntimeException malformed) {
            return "";
        }
    }

    private static String codeOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case REQUEST_ENTITY_TOO_LARGE -> "TOO_LARGE";
            case UNAUTHORIZED -> "UNAUTHORIZED";
            case FORBIDDEN -> "FORBIDDEN";
            default -> "INVALID_INPUT";
        };
    }

    /**
     * What the framework refused, from the catalog in the caller's language: the framework's own texts are
     * English only. A refusal the catalog has no words for says so in Thai with its status, and in English
     * with the framework's text.
     */
    private static String detailOf(ErrorContext context, HttpStatus status, String instance, Language language) {
        HttpRequest<?> request = context.getRequest();
        Message message = reasonOf(context.getRootCause().orElse(null), status, request, instance);
        if (message != null) {
            return shortened(Messages.standard().render(message, language));
        }
        String framework = context.getErrors().stream()
                .map(error -> error.getPath().map(path -> path.replaceFirst("^/", "") + ": ").orElse("") + error.getMessage())
                .collect(Collectors.joining("; "));
        return language == Language.EN && !framework.isBlank() ? shortened(framework)
                : Messages.standard().render("problem.requestRefused", language, "status", status.getCode());
    }

    private static Message reasonOf(Throwable error, HttpStatus status, HttpRequest<?> request, String instance) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof URISyntaxException) {
                return Message.of("problem.malformedPath");
            }
            if (cause instanceof ConversionErrorException conversion) {
                Class<?> type = conversion.getArgument().getType();
                boolean whole = type == int.class || type == long.class || type == short.class || Integer.class == type || Long.class == type
                        || Short.class == type;
                Object value = conversion.getConversionError().getOriginalValue().orElse("");
                return Message.of("problem.invalidField", "field", conversion.getArgument().getName(), "value", shortened(String.valueOf(value)),
                        "reason", Message.of(whole ? "validation.wholeNumber" : "validation.invalid"));
            }
            if (cause instanceof UnsatisfiedArgumentException unsatisfied) {
                return Message.of("problem.requiredParameter", "name", unsatisfied.getArgument().getName());
            }
            if (cause instanceof UnsatisfiedRouteException unsatisfied) {
                return Message.of("problem.requiredParameter", "name", unsatisfied.getArgument().getName());
            }
            if (cause instanceof CodecException || cause instanceof JsonSyntaxException || cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return Message.of("problem.malformedJson");
            }
        }
        return switch (status) {
            case NOT_FOUND -> Message.of("problem.noSuchResource", "path", instance);
            case METHOD_NOT_ALLOWED -> Message.of("problem.methodNotAllowed", "method", request.getMethodName(), "path", instance);
            case UNSUPPORTED_MEDIA_TYPE -> Message.of("problem.unsupportedMediaType", "type",
                    request.getContentType().map(Object::toString).orElse("?"));
            case NOT_ACCEPTABLE -> Message.of("problem.notAcceptable", "types", request.getHeaders().get(HttpHeaders.ACCEPT, String.class).orElse("?"));
            case REQUEST_ENTITY_TOO_LARGE -> Message.of("problem.contentTooLarge");
            default -> null;
        };
    }

    private static String shortened(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
