package io.tideflow.queue.backup;

import io.tideflow.queue.api.admin.RestoreCounts;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.store.reporting.InsightStore;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.Writer;
import java.time.Instant;

/** A backup's reads and a restore's writes ({@link BackupFile}), each in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HistoryBackupTransactions {

    @Inject
    MetricHistoryStore history;

    @Inject
    InsightStore insights;

    @Inject
    ObservabilitySettings settings;

    @Resource
    SessionContext context;

    // returns nothing: Payara's EJB proxies fail on a method whose types are not public (BackupLines is not)
    public void write(Writer out, Instant now) {
        file().write(out, now);
    }

    /** Restores a backup, all of it in this transaction or (a bad line, a file without its last line) none. */
    public RestoreCounts restore(BufferedReader in, Instant now) {
        try {
            return file().restore(in, now);
        } catch (RuntimeException e) {
            // a client error keeps a transaction usable by design; here nothing of the file may stay
            context.setRollbackOnly();
            throw e;
        }
    }

    private BackupFile file() {
        return new BackupFile(history, insights, settings.hourRetention());
    }
}
