package com.example.shipping;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.admin.TaskQueries;
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

/** {@code POST /api/orders} places an order; {@code GET /api/orders/{number}} shows it with its booking task. */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    /** What a client sends. */
    public record PlaceOrder(String number, String carrier) {}

    /** What a client reads: the order, the state of its booking task and the shipment once booked. */
    public record OrderView(
            String number, String carrier, String status, String taskId, String taskState, Shipped shipment) {}

    public record Shipped(String carrier, int attempt) {}

    /** An RFC 9457 problem. */
    public record Problem(int status, String detail) {}

    @Inject
    OrderService orders;

    @Inject
    TaskQueries tasks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(PlaceOrder order) {
        if (order == null || order.number() == null || order.number().isBlank() || order.carrier() == null) {
            return problem(400, "number and carrier are required");
        }
        try {
            TaskId booking = orders.place(order.number(), order.carrier());
            return Response.created(URI.create("orders/" + order.number()))
                    .entity(new OrderView(order.number(), order.carrier(), "NEW", booking.value(), null, null))
                    .build();
        } catch (EJBException | PersistenceException e) {
            // the order number is taken: the whole transaction, the booking task included, was rolled back
            return problem(409, "order " + order.number() + " exists already");
        }
    }

    @GET
    @Path("/{number}")
    public OrderView get(@PathParam("number") String number) {
        CustomerOrder order = orders.find(number);
        if (order == null) {
            throw new NotFoundException("no order " + number);
        }
        String taskState = tasks.find(TaskId.of(order.getTaskId()))
                .map(task -> task.state().name())
                .orElse(null);
        Shipment shipment = orders.shipmentOf(number);
        return new OrderView(
                order.getNumber(),
                order.getCarrier(),
                order.getStatus(),
                order.getTaskId(),
                taskState,
                shipment == null ? null : new Shipped(shipment.getCarrier(), shipment.getAttempt()));
    }

    private static Response problem(int status, String detail) {
        return Response.status(status)
                .type("application/problem+json")
                .entity(new Problem(status, detail))
                .build();
    }
}
