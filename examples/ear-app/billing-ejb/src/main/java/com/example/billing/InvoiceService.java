package com.example.billing;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Creates invoices: the invoice row and the task that issues it are written in the caller's transaction. */
@Stateless
public class InvoiceService {

    static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    TaskQueue tasks;

    /** Rolls back as a whole, the issuing task included, when the invoice number is taken. */
    public TaskId create(String number, String customer, long amountCents) {
        TaskId issue = tasks.enqueue(TaskRequest.ofType(IssueInvoiceHandler.TYPE)
                .payloadJson(JSON.toJson(new InvoiceNumber(number)))
                .build());
        em.persist(new Invoice(number, customer, amountCents, issue.value()));
        em.flush();
        return issue;
    }

    /** Joins the caller's transaction: a task handler's. */
    public void markSent(String number) {
        em.find(Invoice.class, number).markSent();
    }

    public Invoice find(String number) {
        return em.find(Invoice.class, number);
    }
}
