package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.admin.NodeView;
import java.util.List;

/** The nodes sharing the database. */
public record NodesBody(List<NodeView> nodes) {}
