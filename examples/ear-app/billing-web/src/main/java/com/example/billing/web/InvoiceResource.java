package com.example.billing.web;

import com.example.billing.Invoice;
import com.example.billing.InvoiceService;
import io.tideflow.queue.api.TaskId;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code POST /api/invoices} creates an invoice; {@code GET /api/invoices/{number}} shows where it is. */
@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    /** What a client sends. */
    public record NewInvoice(String number, String customer, long amountCents) {}

    /** What a client reads. */
    public record InvoiceView(
            String number, String customer, long amountCents, String status, String issueTaskId, String sendTaskId) {
        static InvoiceView of(Invoice invoice) {
            return new InvoiceView(
                    invoice.getNumber(),
                    invoice.getCustomer(),
                    invoice.getAmountCents(),
                    invoice.getStatus().name(),
                    invoice.getIssueTaskId(),
                    invoice.getSendTaskId());
        }
    }

    /** An RFC 9457 problem. */
    public record Problem(int status, String detail) {}

    @Inject
    InvoiceService invoices;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewInvoice invoice) {
        if (invoice == null || blank(invoice.number()) || blank(invoice.customer())) {
            return problem(400, "number and customer are required");
        }
        if (invoice.amountCents() <= 0) {
            return problem(400, "amountCents must be positive");
        }
        try {
            TaskId issue = invoices.create(invoice.number(), invoice.customer(), invoice.amountCents());
            return Response.created(URI.create("invoices/" + invoice.number()))
                    .entity(new InvoiceView(
                            invoice.number(), invoice.customer(), invoice.amountCents(), "NEW", issue.value(), null))
                    .build();
        } catch (EJBException | PersistenceException e) {
            // the number is taken: the transaction, the issuing task included, was rolled back
            return problem(409, "invoice " + invoice.number() + " exists already");
        }
    }

    @GET
    @Path("/{number}")
    public InvoiceView get(@PathParam("number") String number) {
        Invoice invoice = invoices.find(number);
        if (invoice == null) {
            throw new NotFoundException("no invoice " + number);
        }
        return InvoiceView.of(invoice);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Response problem(int status, String detail) {
        return Response.status(status)
                .type("application/problem+json")
                .entity(new Problem(status, detail))
                .build();
    }
}
