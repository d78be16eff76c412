package th.ita.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

    static List<ScoreFact> facts(DataSource dataSource, String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.setFetchSize(5_000);
            List<ScoreFact> facts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    facts.add(new ScoreFact(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getDouble(4), provenance(rows.getString(5))));
                }
            }
            return facts;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read scores", e);
        }
    }

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

    static Provenance provenance(String code) {
        return "D".equals(code) ? Provenance.DERIVED : Provenance.REPORTED;
    }
}
