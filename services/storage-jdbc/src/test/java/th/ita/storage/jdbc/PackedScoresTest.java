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
            facts.add(fact(codes[i], (6000 + i * 237) / 100.0, Provenance.REPORTED));
        }
        facts.add(fact("reported_level", 3, Provenance.REPORTED));

        assertThat(PackedScores.pack(facts).length).isLessThan(facts.size() * 4);
    }

    @Test
    void writesAYearOfScoresInAboutThreeBytesEachWithoutACompressor() {
        List<ScoreFact> facts = new ArrayList<>();
        String[] codes = {"total", "IIT", "EIT", "OIT", "ind1", "ind2", "ind3", "ind4", "ind5", "ind6", "ind7", "ind8", "ind9", "ind10"};
        for (int i = 0; i < codes.length; i++) {
            facts.add(fact(codes[i], (9999 - i * 317) / 100.0, Provenance.REPORTED));
            facts.add(fact(codes[i], (9998 - i * 317) / 100.0, Provenance.DERIVED));
        }

        byte[] pack = PackedScores.pack(facts);

        assertThat(pack[0]).isEqualTo(PackedScores.FORMAT_2);
        // A format byte, the count, a byte per code, a nibble of flags and two bytes of hundredths per fact.
        assertThat(pack).hasSize(2 + facts.size() + facts.size() / 2 + facts.size() * 2);
    }

    @Test
    void readsPacksStoredInFormat1() {
        // Written by the platform before format 2: total 95.41 reported and 95.42 derived, level 4, ind3 93.746 derived.
        byte[] stored = {1, 99, 65, -74, 6, 93, 14, 100, 38, 3, 35, 3, 115, -41, 84, -58, -98, -87, -116, 11, -40, 28, -62, -13, -9, -107, -99, -40,
                98, 9, 0};

        assertThat(PackedScores.unpack(stored, ORGANIZATION, 2567)).containsExactly(
                new ScoreFact(ORGANIZATION, 2567, "total", 95.41, Provenance.REPORTED), new ScoreFact(ORGANIZATION, 2567, "total", 95.42, Provenance.DERIVED),
                new ScoreFact(ORGANIZATION, 2567, "reported_level", 4, Provenance.REPORTED),
                new ScoreFact(ORGANIZATION, 2567, "ind3", 93.746, Provenance.DERIVED));
        List<ScoreFact> facts = List.of(fact("คะแนนรวม", -12.25, Provenance.DERIVED), fact("o43", 1.0 / 3, Provenance.REPORTED));
        assertThat(PackedScores.unpack(PackedScores.packFormat1(facts), ORGANIZATION, 2568)).containsExactlyElementsOf(facts);
    }

    @Test
    void refusesAPackNamingAMetricItsFormatDoesNotHave() {
        byte[] pack = PackedScores.pack(List.of(fact("total", 95.41, Provenance.REPORTED)));
        pack[2] = (byte) 200;

        assertThatThrownBy(() -> PackedScores.unpack(pack, ORGANIZATION, 2568)).hasMessageContaining("names metric 200");
    }

    @Test
    void refusesAPackWhoseLengthsReachPastItsEnd() {
        byte[] spelledBeyondTheEnd = {PackedScores.FORMAT_2, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        byte[] countTooLarge = {PackedScores.FORMAT_2, (byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10, 0, 0};
        byte[] numberTooLarge = {PackedScores.FORMAT_2, 1, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};

        for (byte[] pack : List.of(spelledBeyondTheEnd, countTooLarge, numberTooLarge)) {
            assertThatThrownBy(() -> PackedScores.unpack(pack, ORGANIZATION, 2568)).isInstanceOf(IllegalStateException.class);
        }
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
