package com.example.shipping;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;

/**
 * Books the shipment of an order. Its writes join the task's transaction: they commit together with the task's
 * COMPLETED, or not at all when the attempt fails, so a retry never finds half a booking.
 */
@ApplicationScoped
@TaskType(BookShipmentHandler.TYPE)
public class BookShipmentHandler implements TaskHandler {

    public static final String TYPE = "shipping.book";

    static final long SLOW_CARRIER_MS = 3_000;

    /** The payload: which order to book. */
    public record BookShipment(String number) {}

    @PersistenceContext(unitName = "shipping")
    EntityManager em;

    @Override
    public Object handle(TaskContext context) throws InterruptedException {
        CustomerOrder order =
                em.find(CustomerOrder.class, context.payload(BookShipment.class).number());
        if (order.getCarrier().equals("slow")) {
            // a carrier that takes its time to answer (the crash test kills the server meanwhile)
            Thread.sleep(SLOW_CARRIER_MS);
        }
        em.persist(new Shipment(order.getNumber(), order.getCarrier(), context.attempt()));
        order.markBooked();
        em.flush();
        if (order.getCarrier().equals("flaky") && context.attempt() == 1) {
            // the carrier's answer got lost after the rows were written: this attempt's writes are rolled back
            throw new IllegalStateException("carrier 'flaky' did not answer");
        }
        return Map.of("carrier", order.getCarrier());
    }
}
