package th.ita.storage.jdbc;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;

/** The pool behind Micronaut's transaction-aware wrapper, for code that manages its own transactions. */
final class RawDataSource {
    private RawDataSource() {
    }

    static DataSource of(DataSource dataSource) {
        return DelegatingDataSource.unwrapDataSource(dataSource);
    }
}
