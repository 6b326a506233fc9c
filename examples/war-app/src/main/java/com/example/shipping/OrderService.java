package com.example.shipping;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Places orders: the order row and its booking task are written in one transaction. */
@Stateless
public class OrderService {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "shipping")
    EntityManager em;

    @Inject
    TaskQueue tasks;

    /**
     * Enqueues the booking, then writes the order. When the order cannot be written (its number is taken) the
     * transaction rolls back, and the task with it: no booking for an order that does not exist.
     */
    public TaskId place(String number, String carrier) {
        TaskId booking = tasks.enqueue(TaskRequest.ofType(BookShipmentHandler.TYPE)
                .payloadJson(JSON.toJson(new BookShipmentHandler.BookShipment(number)))
                .build());
        em.persist(new CustomerOrder(number, carrier, booking.value()));
        em.flush();
        return booking;
    }

    public CustomerOrder find(String number) {
        return em.find(CustomerOrder.class, number);
    }

    public Shipment shipmentOf(String number) {
        return em.find(Shipment.class, number);
    }
}
