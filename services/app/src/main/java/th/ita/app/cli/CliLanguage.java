package th.ita.app.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import th.ita.core.message.Language;

/**
 * The language the command line writes in: {@code --lang th|en} where given, otherwise the
 * environment's locale as POSIX ranks it ({@code LC_ALL}, then {@code LC_MESSAGES}, then {@code LANG}):
 * English for an English locale ({@code en_US.UTF-8}), Thai for anything else ({@code th_TH}, {@code C}).
 */
public record CliLanguage(Language language, String[] args) {
    private static final String OPTION = "--lang";

    /** The language, and the arguments without {@code --lang} and its value. */
    static CliLanguage of(String[] args, Map<String, String> environment) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                String[] rest = new String[args.length - 2];
                System.arraycopy(args, 0, rest, 0, i);
                System.arraycopy(args, i + 2, rest, i, args.length - i - 2);
                return new CliLanguage(Language.parse(args[i + 1]), rest);
            }
        }
        return new CliLanguage(ofEnvironment(environment), Arrays.copyOf(args, args.length));
    }

    /** The language of the environment's locale: English for an English one, Thai otherwise. */
    public static Language ofEnvironment(Map<String, String> environment) {
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value.toLowerCase(Locale.ROOT).startsWith("en") ? Language.EN : Language.TH;
            }
        }
        return Language.TH;
    }
}
