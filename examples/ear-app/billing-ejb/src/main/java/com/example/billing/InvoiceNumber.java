package com.example.billing;

/** The payload of both billing tasks: which invoice. */
public record InvoiceNumber(String number) {}
