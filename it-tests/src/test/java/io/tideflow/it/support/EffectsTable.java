package io.tideflow.it.support;

import io.tideflow.queue.schema.EngineDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/** The table the test handlers write to, in Tideflow's own database so their writes share its transaction. */
@Singleton
@Startup
public class EffectsTable {

    private DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void create() {
        // the engine's own lookup: the datasource's global name differs between WildFly and Payara
        dataSource = EngineDataSource.locate(ConfigProvider.getConfig());
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE it_effects (marker VARCHAR(100) NOT NULL, attempt INTEGER NOT NULL)");
        } catch (SQLException alreadyThere) {
            // kept from an earlier deployment on the same database
        }
    }

    /** Inserts a row in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void write(String marker, int attempt) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO it_effects (marker, attempt) VALUES (?, ?)")) {
            insert.setString(1, marker);
            insert.setInt(2, attempt);
            insert.executeUpdate();
        }
    }

    /** Inserts a row that commits on its own, whatever the caller's transaction does. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void writeAutonomously(String marker, int attempt) throws SQLException {
        write(marker, attempt);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int count(String marker) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM it_effects WHERE marker = ?")) {
            query.setString(1, marker);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
