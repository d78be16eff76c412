package th.ita.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;

class PackedScoresTest {
    private static final long ORGANIZATION = 5713;

    @Test
    void readsBackEveryFactInTheOrderItWasWritten() {
        List<ScoreFact> facts = List.of(
                fact("total", 95.41, Provenance.REPORTED), fact("total", 95.42, Provenance.DERIVED), fact("IIT", 100.0, Provenance.REPORTED),
                fact("ind10", 0.0, Provenance.REPORTED), fact("reported_level", 4, Provenance.REPORTED), fact("reported_rank", 7834, Provenance.REPORTED),
                fact("คะแนนรวม", 12.5, Provenance.REPORTED));

        assertThat(PackedScores.unpack(PackedScores.pack(facts), ORGANIZATION, 2568)).containsExactlyElementsOf(facts);
    }

    @Test
    void keepsValuesThatAreNotWholeHundredthsBitForBit() {
        double[] values = {93.746, 1.0 / 3, 33.333333333333336, -0.0, -12.25, Double.MIN_VALUE, 1e300, Math.nextUp(95.41), Double.NaN};
        List<ScoreFact> facts = Arrays.stream(values).mapToObj(v -> fact("ind1", v, Provenance.DERIVED)).toList();

        List<ScoreFact> read = PackedScores.unpack(PackedScores.pack(facts), ORGANIZATION, 2568);

        assertThat(read).extracting(f -> Double.doubleToRawLongBits(f.value()))
                .containsExactlyElementsOf(Arrays.stream(values).mapToObj(Double::doubleToRawLongBits).toList());
    }

    @Test
    void packsAYearOfScoresInAFewBytesEach() {
        List<ScoreFact> facts = new ArrayList<>();
        String[] codes = {"total", "IIT", "EIT", "OIT", "ind1", "ind2", "ind3", "ind4", "ind5", "ind6", "ind7", "ind8", "ind9", "ind10"};
        for (int i = 0; i < codes.length; i++) {
            facts.add(fact(codes[i], 60 + i * 2.37, Provenance.REPORTED));
        }
        facts.add(fact("reported_level", 3, Provenance.REPORTED));

        assertThat(PackedScores.pack(facts).length).isLessThan(facts.size() * 4);
    }

    @Test
    void refusesAPackItCannotRead() {
        byte[] pack = PackedScores.pack(List.of(fact("total", 95.41, Provenance.REPORTED)));
        byte[] unknownFormat = pack.clone();
        unknownFormat[0] = 9;

        assertThatThrownBy(() -> PackedScores.unpack(unknownFormat, ORGANIZATION, 2568)).hasMessageContaining("unknown format 9");
        assertThatThrownBy(() -> PackedScores.unpack(Arrays.copyOf(pack, pack.length - 2), ORGANIZATION, 2568))
                .isInstanceOf(IllegalStateException.class);
    }

    private static ScoreFact fact(String metric, double value, Provenance provenance) {
        return new ScoreFact(ORGANIZATION, 2568, metric, value, provenance);
    }
}
