package com.example.shipping;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application's own REST API, under {@code /war-app/api}. */
@ApplicationPath("/api")
public class ShippingApplication extends Application {}
