package dev.o2c.jobs.close;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A store error in the middle of a run, said as one line a person can act on: the step, the
 * table, what went wrong and what to do. The driver's own exception (a class name, a stack
 * trace, SQL with its parameters) says none of that to the operator who reads it at 3 a.m.
 *
 * <p>What went wrong is read from the SQLSTATE (the standard's classes, PostgreSQL's and
 * H2's own codes) and the table from the statement that failed. Every such failure leaves
 * the run restartable: the step's transaction rolled back, and the same command restarts it.
 */
public final class StoreFailure {

    /** The table a statement writes or reads first; the statement is in Spring's or the driver's message. */
    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|COPY|FROM|TRUNCATE(?:\\s+TABLE)?)\\s+\"?([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPRING_SQL = Pattern.compile("SQL \\[(.*?)\\];", Pattern.DOTALL);

    private StoreFailure() {
    }

    /**
     * One line for a failure of {@code step} that came from the store, or empty when the
     * failure did not come from the store.
     */
    public static Optional<String> describe(String step, Throwable failure) {
        SQLException sql = firstSqlException(failure);
        if (sql == null) {
            return Optional.empty();
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String table = table(failure, sql);
        String where = step + " step" + (table == null ? "" : ", table " + table);
        String driver = firstLine(sql.getMessage());
        return Optional.of(where + ": " + whatAndWhatToDo(state, sql.getErrorCode(), driver) + " [SQLSTATE " + state + ": " + driver + "]");
    }

    private static String whatAndWhatToDo(String state, int vendorCode, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        String again = "; then run the same command again, which restarts the run where it stopped";
        if (state.equals("53100") || m.contains("no space left") || m.contains("disk full") || m.contains("could not extend file")) {
            return "the store's disk is full: free space where the database keeps its files" + again;
        }
        if (state.equals("22001")) {
            return "a value is longer than its column allows: the store's schema is narrower than this o2c expects (its migrations"
                    + " run at start; a column changed by hand stays narrow), which is a defect to report with this line" + again;
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || vendorCode == 90067 || vendorCode == 90098 || vendorCode == 90121) {
            return "the connection to the store was lost (the database server stopped, restarted or is out of reach): check"
                    + " that it is up" + again;
        }
        if (state.equals("53200") || vendorCode == 90108) {
            return "the database server ran out of memory: give it more, or lower its work_mem" + again;
        }
        if (state.equals("53300")) {
            return "the database server refuses more connections: raise max_connections or stop other clients" + again;
        }
        if (state.equals("40001") || state.equals("40P01") || vendorCode == 40001) {
            return "the store aborted the transaction because of another session's work (deadlock or serialisation)" + again;
        }
        if (state.equals("57014")) {
            return "the statement was cancelled (a statement_timeout or an operator): raise the timeout for o2c's role" + again;
        }
        if (state.equals("42501")) {
            return "o2c's database role lacks a privilege on this table: grant it (docs/operations.md, \"PostgreSQL in production\")"
                    + again;
        }
        if (state.startsWith("23")) {
            return "the store refused a row that breaks one of its constraints, which is a defect to report with this line" + again;
        }
        return "the store refused the statement" + again;
    }

    private static SQLException firstSqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /** The table named by the failed statement, from Spring's message (SQL [...]) or the driver's. */
    private static String table(Throwable failure, SQLException sql) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String text = c.getMessage();
            if (text == null) {
                continue;
            }
            Matcher spring = SPRING_SQL.matcher(text);
            String statement = spring.find() ? spring.group(1) : text;
            Matcher m = TABLE.matcher(statement);
            if (m.find()) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
            if (c == sql) {
                break;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        // H2 quotes the refused value after the column's name: data, not a reason
        int value = line.indexOf("\": \"");
        if (value >= 0) {
            line = line.substring(0, value + 1);
        }
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
