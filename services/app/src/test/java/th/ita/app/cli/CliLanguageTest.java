package th.ita.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import th.ita.core.message.Language;

class CliLanguageTest {

    @Test
    void writesThaiByDefaultAndForALocaleThatIsNotEnglish() {
        assertThat(CliLanguage.of(new String[] {"ingest"}, Map.of()).language()).isEqualTo(Language.TH);
        assertThat(CliLanguage.of(new String[] {"ingest"}, Map.of("LANG", "C.UTF-8")).language()).isEqualTo(Language.TH);
        assertThat(CliLanguage.of(new String[] {"ingest"}, Map.of("LANG", "th_TH.UTF-8")).language()).isEqualTo(Language.TH);
    }

    @Test
    void writesEnglishForAnEnglishLocaleRankedAsPosixRanksItsVariables() {
        assertThat(CliLanguage.of(new String[] {"ingest"}, Map.of("LANG", "en_US.UTF-8")).language()).isEqualTo(Language.EN);
        assertThat(CliLanguage.of(new String[] {"ingest"}, Map.of("LANG", "en_US.UTF-8", "LC_MESSAGES", "th_TH")).language()).isEqualTo(Language.TH);
        assertThat(CliLanguage.of(new String[] {"ingest"}, Map.of("LC_MESSAGES", "th_TH", "LC_ALL", "en_GB")).language()).isEqualTo(Language.EN);
    }

    @Test
    void letsLangOnTheCommandLineWinAndTakesItOutOfTheArguments() {
        CliLanguage cli = CliLanguage.of(new String[] {"ingest", "--tenant", "t", "--lang", "en", "a.csv"}, Map.of("LANG", "th_TH"));

        assertThat(cli.language()).isEqualTo(Language.EN);
        assertThat(cli.args()).containsExactly("ingest", "--tenant", "t", "a.csv");
        assertThat(CliLanguage.of(new String[] {"help", "--lang", "th"}, Map.of("LANG", "en_US")).language()).isEqualTo(Language.TH);
    }
}
