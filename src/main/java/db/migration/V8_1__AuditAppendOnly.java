package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes {@code audit_event} append-only in the database itself, on PostgreSQL: a trigger refuses every
 * UPDATE, DELETE and TRUNCATE, whoever sends it (short of its owner dropping the trigger, which leaves
 * a trace in the server log and the catalog). A Java migration because the embedded default's H2 has
 * no PL/pgSQL and SQL scripts cannot branch on the database; on H2 it does nothing (docs/security.md,
 * "Audit trail", says why that is acceptable there).
 */
public class V8_1__AuditAppendOnly extends BaseJavaMigration {

    private static final String FUNCTION = """
            create or replace function audit_event_append_only() returns trigger language plpgsql as $$
            begin
                raise exception 'audit_event is append-only: % is not allowed', tg_op
                    using errcode = 'insufficient_privilege';
            end
            $$""";
    private static final String NO_CHANGE = "create trigger audit_event_no_change before update or delete on"
            + " audit_event for each row execute function audit_event_append_only()";
    private static final String NO_TRUNCATE = "create trigger audit_event_no_truncate before truncate on"
            + " audit_event for each statement execute function audit_event_append_only()";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(FUNCTION);
            statement.execute(NO_CHANGE);
            statement.execute(NO_TRUNCATE);
        }
    }
}
