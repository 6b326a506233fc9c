package com.example.shipping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A booked shipment: one per order, written by the booking task in its own transaction. */
@Entity
@Table(name = "EX_SHIPMENTS")
public class Shipment {

    @Id
    @Column(name = "ORDER_NUMBER", length = 40)
    private String orderNumber;

    @Column(name = "CARRIER", length = 40, nullable = false)
    private String carrier;

    @Column(name = "ATTEMPT", nullable = false)
    private int attempt;

    protected Shipment() {}

    public Shipment(String orderNumber, String carrier, int attempt) {
        this.orderNumber = orderNumber;
        this.carrier = carrier;
        this.attempt = attempt;
    }

    public String getCarrier() {
        return carrier;
    }

    /** The attempt of the booking task that wrote it. */
    public int getAttempt() {
        return attempt;
    }
}
