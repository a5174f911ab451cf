package dev.lanyard.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Lanyard's own tables hold, read over JDBC from the suite's PostgreSQL, one line per row
 * ({@code table: value value ...}), for the secret-leak scan. The sanctions list table is left out
 * (OFAC's public CSV text).
 */
public final class LanyardTables {

    private LanyardTables() {
    }

    /** Every row of every LANYARD_ table but the sanctions list, and the row count per table. */
    public record Rows(String text, Map<String, Integer> counts) {
    }

    public static Rows read() throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        StringBuilder rows = new StringBuilder();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + SuiteEnvironment.POSTGRES_HOST + ":"
                + SuiteEnvironment.POSTGRES_PORT + "/" + SuiteEnvironment.DATABASE, "postgres", "postgres");
             Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery(
                    "select table_name from information_schema.tables where lower(table_name) like 'lanyard\\_%'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                if (table.equalsIgnoreCase("lanyard_sanctions_list")) {
                    continue;
                }
                int count = 0;
                try (ResultSet all = statement.executeQuery("select * from \"" + table + "\"")) {
                    int columns = all.getMetaData().getColumnCount();
                    while (all.next()) {
                        count++;
                        rows.append(table.toLowerCase(Locale.ROOT)).append(':');
                        for (int c = 1; c <= columns; c++) {
                            rows.append(' ').append(all.getString(c));
                        }
                        rows.append('\n');
                    }
                }
                counts.put(table.toLowerCase(Locale.ROOT), count);
            }
        }
        return new Rows(rows.toString(), counts);
    }
}
