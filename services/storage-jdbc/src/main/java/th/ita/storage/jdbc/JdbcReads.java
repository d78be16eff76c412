package th.ita.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import th.ita.core.error.ItaException;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;

/** Reading facts and findings row by row, shared by the fact adapters. */
final class JdbcReads {
    private JdbcReads() {
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Where a pack row read by {@link #packs} goes: its first columns, then the facts it holds. */
    interface PackRow {
        void accept(ResultSet row, List<ScoreFact> facts) throws SQLException;
    }

    /**
     * Reads packs: the query's columns 1–3 are {@code organization_id, fiscal_year, pack}, further columns are the
     * caller's. A pack that cannot be decoded is a storage fault, never silently skipped.
     */
    static void packs(DataSource dataSource, String sql, Binder binder, PackRow consumer) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.setFetchSize(1_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows, PackedScores.unpack(rows.getBytes(3), rows.getLong(1), rows.getInt(2)));
                }
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read scores", e);
        } catch (IllegalStateException e) {
            throw ItaException.storageUnavailable("cannot read scores: " + e.getMessage(), e);
        }
    }

    /** The order facts are answered in: by organization, year, metric, then derived before reported. */
    static final Comparator<ScoreFact> FACT_ORDER = Comparator.comparingLong(ScoreFact::organizationId).thenComparingInt(ScoreFact::year)
            .thenComparing(ScoreFact::metric).thenComparing(fact -> fact.provenance() == Provenance.DERIVED ? 0 : 1);

    static List<DataQualityFinding> findings(DataSource dataSource, String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<DataQualityFinding> findings = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    findings.add(new DataQualityFinding(rows.getLong(1), rows.getInt(2), rows.getString(3),
                            DataQualityFinding.Kind.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6), rows.getString(7)));
                }
            }
            return findings;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read findings", e);
        }
    }
}
