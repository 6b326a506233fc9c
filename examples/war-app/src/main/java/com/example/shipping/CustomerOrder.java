package com.example.shipping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An order of the application; its shipment is booked by a Tideflow task. */
@Entity
@Table(name = "EX_ORDERS")
public class CustomerOrder {

    @Id
    @Column(name = "ORDER_NUMBER", length = 40)
    private String number;

    @Column(name = "CARRIER", length = 40, nullable = false)
    private String carrier;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "TASK_ID", length = 36)
    private String taskId;

    protected CustomerOrder() {}

    public CustomerOrder(String number, String carrier, String taskId) {
        this.number = number;
        this.carrier = carrier;
        this.taskId = taskId;
        this.status = "NEW";
    }

    public String getNumber() {
        return number;
    }

    public String getCarrier() {
        return carrier;
    }

    public String getStatus() {
        return status;
    }

    public String getTaskId() {
        return taskId;
    }

    void markBooked() {
        status = "BOOKED";
    }
}
