package com.example.billing.web;

import com.example.billing.InvoiceNumber;
import com.example.billing.InvoiceService;
import com.example.billing.IssueInvoiceHandler;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends an issued invoice, a handler in the web module. The engine (another module of the EAR) cannot see this
 * WAR's classes, yet runs this handler: it creates it from the bean the container found here at deployment. The
 * invoice is written through the EJB module's service, which joins the task's transaction: the persistence unit is
 * the EJB module's, and only WildFly would let a web module use it directly.
 */
@ApplicationScoped
@TaskType(IssueInvoiceHandler.SEND_TYPE)
public class SendInvoiceHandler implements TaskHandler {

    @Inject
    InvoiceService invoices;

    @Override
    public Object handle(TaskContext context) {
        // a real application would hand the invoice to its mail or EDI gateway here
        invoices.markSent(context.payload(InvoiceNumber.class).number());
        return null;
    }
}
