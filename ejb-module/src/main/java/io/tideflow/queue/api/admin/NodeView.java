package io.tideflow.queue.api.admin;

import java.time.Instant;

/**
 * A node that runs Tideflow on the shared database.
 *
 * @param running attempts it ran at its last heartbeat
 * @param alive   whether it refreshed its row within three heartbeat intervals
 */
public record NodeView(String id, Instant startedAt, Instant lastSeen, int running, boolean alive) {}
