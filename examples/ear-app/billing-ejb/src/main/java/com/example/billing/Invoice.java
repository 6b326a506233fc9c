package com.example.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An invoice of the application: issued by one Tideflow task, sent to the customer by another. */
@Entity
@Table(name = "EX_INVOICES")
public class Invoice {

    public enum Status {
        NEW,
        ISSUED,
        SENT
    }

    @Id
    @Column(name = "INVOICE_NUMBER", length = 40)
    private String number;

    @Column(name = "CUSTOMER", length = 80, nullable = false)
    private String customer;

    @Column(name = "AMOUNT_CENTS", nullable = false)
    private long amountCents;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "ISSUE_TASK_ID", length = 36)
    private String issueTaskId;

    @Column(name = "SEND_TASK_ID", length = 36)
    private String sendTaskId;

    protected Invoice() {}

    public Invoice(String number, String customer, long amountCents, String issueTaskId) {
        this.number = number;
        this.customer = customer;
        this.amountCents = amountCents;
        this.issueTaskId = issueTaskId;
        this.status = Status.NEW.name();
    }

    public String getNumber() {
        return number;
    }

    public String getCustomer() {
        return customer;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public Status getStatus() {
        return Status.valueOf(status);
    }

    public String getIssueTaskId() {
        return issueTaskId;
    }

    public String getSendTaskId() {
        return sendTaskId;
    }

    void markIssued(String sendTaskId) {
        this.status = Status.ISSUED.name();
        this.sendTaskId = sendTaskId;
    }

    void markSent() {
        this.status = Status.SENT.name();
    }
}
