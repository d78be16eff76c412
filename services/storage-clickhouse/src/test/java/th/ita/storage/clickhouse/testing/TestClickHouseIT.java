package th.ita.storage.clickhouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestClickHouseIT {
    @Test
    void answersAsAClickHouseServerOfVersion26() throws Exception {
        TestClickHouse clickHouse = TestClickHouse.shared();
        String database = clickHouse.newDatabase("harness");
        try (Connection connection = DriverManager.getConnection(clickHouse.jdbcUrl(database), clickHouse.properties());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
            statement.execute("INSERT INTO t VALUES (1, 'เชียงราย'), (2, 'น่าน')");
            try (ResultSet rows = statement.executeQuery("SELECT version(), count(), max(name) FROM t")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).startsWith("26.");
                assertThat(rows.getLong(2)).isEqualTo(2);
                assertThat(rows.getString(3)).isEqualTo("เชียงราย");
            }
        }
    }
}
