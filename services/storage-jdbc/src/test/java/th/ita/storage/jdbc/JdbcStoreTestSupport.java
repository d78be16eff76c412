package th.ita.storage.jdbc;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/** Starts the JDBC adapter the way the application does: Micronaut, Hikari, Flyway, one data source. */
final class JdbcStoreTestSupport {
    private JdbcStoreTestSupport() {
    }

    static ApplicationContext start(String url, String username, String password, String dialect) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", username);
        properties.put("datasources.default.password", password);
        properties.put("datasources.default.dialect", dialect);
        properties.put("datasources.default.maximum-pool-size", 4);
        properties.put("flyway.datasources.default.enabled", true);
        return ApplicationContext.run(properties);
    }
}
