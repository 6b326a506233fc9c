package com.example.billing;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Issues an invoice, a handler in the application's EJB module. The invoice's new state and the task that sends
 * it (run by a handler in the web module) are written in the task's transaction: both or neither.
 */
@ApplicationScoped
@TaskType(IssueInvoiceHandler.TYPE)
public class IssueInvoiceHandler implements TaskHandler {

    public static final String TYPE = "billing.issue";

    /** The type of the follow-up task; its handler lives in the web module. */
    public static final String SEND_TYPE = "billing.send";

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    TaskQueue tasks;

    @Override
    public Object handle(TaskContext context) {
        InvoiceNumber payload = context.payload(InvoiceNumber.class);
        Invoice invoice = em.find(Invoice.class, payload.number());
        TaskId send = tasks.enqueue(TaskRequest.ofType(SEND_TYPE)
                .payloadJson(InvoiceService.JSON.toJson(payload))
                .build());
        invoice.markIssued(send.value());
        return null;
    }
}
