package io.hallwatch.platform;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Lets one build talk to PostgreSQL in production and to an embedded H2 file database (in
 * PostgreSQL mode) by default. Quarkus fixes the JDBC driver class at build time, so this driver
 * picks the real one from the JDBC URL at run time.
 */
public class RoutingDriver implements Driver {

    private static final Driver POSTGRESQL = new org.postgresql.Driver();
    private static final Driver H2 = new org.h2.Driver();

    private static Driver target(String url) throws SQLException {
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url != null && url.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new SQLException("Unsupported JDBC URL '" + url
                + "': quarkus.datasource.jdbc.url must start with jdbc:postgresql: or jdbc:h2:");
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return target(url).connect(explicitH2Path(url), info);
    }

    /**
     * H2 refuses a file path that is implicitly relative ({@code data/db}), which is what a relative
     * {@code hallwatch.data-dir} gives; make it explicitly relative ({@code ./data/db}) instead.
     */
    static String explicitH2Path(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return url;
        }
        String path = url.substring(prefix.length());
        boolean explicit = path.startsWith("/") || path.startsWith("./") || path.startsWith("../")
                || path.startsWith("~") || path.matches("^[A-Za-z]:.*");
        return explicit ? url : prefix + "./" + path;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && (url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:h2:"));
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return target(url).getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
