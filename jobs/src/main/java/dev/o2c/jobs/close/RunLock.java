package dev.o2c.jobs.close;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One close per as-of date at a time. On PostgreSQL the lock is a session advisory lock on a
 * connection held for the whole run: the server releases it the moment that connection ends,
 * so a run killed with -9 leaves no lock behind and there is nothing to clean up by hand. The
 * embedded H2 store is a file only one process can open at a time, so there the store itself
 * keeps a second process out; within one process a set of the dates being closed does.
 */
@Component
public class RunLock {

    /** The advisory lock's first key: ours, apart from any other application's locks on the database. */
    private static final int NAMESPACE = 0x6F32_6301; // "o2c" 1

    private static final Set<LocalDate> IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final DataSource dataSource;

    RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The close of {@code asOf}, held until closed; empty when another run holds it. */
    public Optional<Held> tryAcquire(LocalDate asOf) throws SQLException {
        if (!IN_THIS_PROCESS.add(asOf)) {
            return Optional.empty();
        }
        Connection session = null;
        try {
            session = dataSource.getConnection();
            if (session.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                    ps.setInt(1, NAMESPACE);
                    ps.setInt(2, (int) asOf.toEpochDay());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            session.close();
                            IN_THIS_PROCESS.remove(asOf);
                            return Optional.empty();
                        }
                    }
                }
            } else {
                session.close(); // H2: the store's file lock is the one between processes
                session = null;
            }
            return Optional.of(new Held(asOf, session));
        } catch (SQLException | RuntimeException e) {
            if (session != null) {
                session.close();
            }
            IN_THIS_PROCESS.remove(asOf);
            throw e;
        }
    }

    /** A held lock; closing it releases it (and so does the end of the process, however it ends). */
    public static final class Held implements AutoCloseable {
        private final LocalDate asOf;
        private final Connection session;

        private Held(LocalDate asOf, Connection session) {
            this.asOf = asOf;
            this.session = session;
        }

        @Override
        public void close() throws SQLException {
            try {
                if (session != null) {
                    // the connection goes back to the pool, its session alive: the lock is let go of by name
                    try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                        ps.setInt(1, NAMESPACE);
                        ps.setInt(2, (int) asOf.toEpochDay());
                        ps.execute();
                    } finally {
                        session.close();
                    }
                }
            } finally {
                IN_THIS_PROCESS.remove(asOf);
            }
        }
    }
}
