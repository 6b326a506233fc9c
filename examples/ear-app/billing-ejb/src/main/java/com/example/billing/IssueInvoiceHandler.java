package com.example.billing;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.TaskType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Issues an invoice, a handler in the application's EJB module. The invoice's new state and the task that sends
 * it (run by a handler in the web module) are written in the task's transaction: both or neither.
 *
 * <p>An EJB, not a plain CDI bean: the engine, another module of the EAR, calls it, and only a call through the EJB
 * container enters this module's naming context on every server. A CDI bean's {@code @PersistenceContext} is
 * resolved in the caller's module on Payara, where the engine's module has no unit "billing".
 */
@Stateless
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
