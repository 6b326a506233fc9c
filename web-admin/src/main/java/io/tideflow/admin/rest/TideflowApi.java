package io.tideflow.admin.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the REST resources under {@code /api} of the web application. */
@ApplicationPath("/api")
public class TideflowApi extends Application {}
