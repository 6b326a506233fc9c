package io.tideflow.queue.execution;

import io.tideflow.queue.store.CompletionWriter;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The batched completion's transaction: many successful attempts, one commit. A singleton without locking (so the
 * dispatcher can depend on it and write the last completions while it shuts down), each call its own transaction.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CompletionTransactions {

    @Inject
    CompletionWriter writer;

    /** @return the completions refused because their lease was no longer theirs */
    public List<CompletionWriter.Completion> writeAll(List<CompletionWriter.Completion> completions) {
        return writer.writeAll(completions);
    }
}
