package com.example.billing.web;

import com.example.billing.Invoice;
import com.example.billing.InvoiceNumber;
import com.example.billing.IssueInvoiceHandler;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Sends an issued invoice, a handler in the web module. The engine (another module of the EAR) cannot see this
 * WAR's classes, yet runs this handler: it creates it from the bean the container found here at deployment.
 */
@ApplicationScoped
@TaskType(IssueInvoiceHandler.SEND_TYPE)
public class SendInvoiceHandler implements TaskHandler {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Override
    public Object handle(TaskContext context) {
        Invoice invoice =
                em.find(Invoice.class, context.payload(InvoiceNumber.class).number());
        // a real application would hand the invoice to its mail or EDI gateway here
        invoice.markSent();
        return null;
    }
}
